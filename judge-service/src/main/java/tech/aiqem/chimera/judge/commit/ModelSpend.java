package tech.aiqem.chimera.judge.commit;

import java.math.BigDecimal;

import tech.aiqem.chimera.budget.Spend;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.budget.SpendKind;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.ResultMessage;

/**
 * Counts a result's model costs (the worker's call and the judge's) against the agent's and the
 * campaign's budgets through the spend guard, before the result is committed. A cost that passes a
 * budget pauses the campaign (E1001): the result is then stale and is invalidated, not published.
 * Each cost has its own reference, so a redelivered result is never counted twice.
 */
public final class ModelSpend {

	private final SpendGuard guard;

	public ModelSpend(SpendGuard guard) {
		this.guard = guard;
	}

	public Judged charge(Judged item) {
		if (!item.writes()) {
			return item;
		}
		ResultMessage.Usage usage = item.result().usage();
		try {
			if (usage != null && usage.costUsd() != null && usage.costUsd().signum() > 0) {
				this.guard.charge(spend(item, Spend.modelRef(new TaskId(item.task().taskId()), "worker"), usage.costUsd()));
			}
			if (item.judgeCost() != null && item.judgeCost().signum() > 0) {
				this.guard.charge(spend(item, Spend.modelRef(new TaskId(item.task().taskId()), "judge"), item.judgeCost()));
			}
			return item;
		}
		catch (ChimeraException ex) {
			return item.invalidated("model cost would pass a budget (" + ex.code().name() + ": " + ex.detail() + ")");
		}
	}

	private static Spend spend(Judged item, String ref, BigDecimal amount) {
		return new Spend(ref, new TenantId(item.task().tenantId()), new AgentId(item.task().agentId()),
				new CampaignId(item.task().campaignId()), new TaskId(item.task().taskId()), SpendKind.MODEL,
				amount.setScale(6, java.math.RoundingMode.HALF_UP));
	}
}
