package tech.aiqem.chimera.model;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysSpendUnitTests {

	private final AgentId agent = new AgentId(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"));

	private final CampaignId campaign = new CampaignId(UUID.fromString("660e8400-e29b-41d4-a716-446655440001"));

	@Test
	void campaignAndTotalTrackersSitBesideTheSpecificationsDailyTracker() {
		LocalDate day = LocalDate.of(2026, 2, 6);
		assertThat(RedisKeys.spendTotal(this.agent)).isEqualTo("chimera:spend:550e8400-e29b-41d4-a716-446655440000:total");
		assertThat(RedisKeys.campaignSpend(this.campaign, day))
			.isEqualTo("chimera:spend:campaign:660e8400-e29b-41d4-a716-446655440001:2026-02-06");
		assertThat(RedisKeys.campaignSpendTotal(this.campaign))
			.isEqualTo("chimera:spend:campaign:660e8400-e29b-41d4-a716-446655440001:total");
		assertThat(RedisKeys.spendRef("pay:abc")).isEqualTo("chimera:spend:ref:pay:abc");
	}
}
