package tech.aiqem.chimera.budget;

import java.time.LocalDate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.RedisKeys;

/** The Redis keys one spend touches, in the order the scripts expect them. */
record SpendKeys(String ref, String agentDay, String agentTotal, String campaignDay, String campaignTotal) {

	static SpendKeys of(String ref, AgentId agent, CampaignId campaign, LocalDate day) {
		return new SpendKeys(RedisKeys.spendRef(ref), RedisKeys.spend(agent, day), RedisKeys.spendTotal(agent),
				campaign == null ? "" : RedisKeys.campaignSpend(campaign, day),
				campaign == null ? "" : RedisKeys.campaignSpendTotal(campaign));
	}

	String[] forCharge() {
		return new String[] { this.ref, this.agentDay, this.agentTotal, this.campaignDay, this.campaignTotal };
	}

	/** Tracker 1..4 as the scripts number them. */
	String tracker(int index) {
		return forCharge()[index];
	}
}
