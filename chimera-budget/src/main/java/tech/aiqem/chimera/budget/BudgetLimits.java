package tech.aiqem.chimera.budget;

import java.math.BigDecimal;

/**
 * The four budgets a spend is checked against; null means no limit (an agent's daily budget is never
 * null: the default applies).
 */
record BudgetLimits(BigDecimal agentDaily, BigDecimal agentTotal, BigDecimal campaignDaily,
		BigDecimal campaignTotal) {

	static final String[] NAMES = { "agent daily", "agent total", "campaign daily", "campaign total" };

	long[] micros() {
		return new long[] { micros(this.agentDaily), micros(this.agentTotal), micros(this.campaignDaily),
				micros(this.campaignTotal) };
	}

	private static long micros(BigDecimal limit) {
		return limit == null ? -1 : Micros.of(limit);
	}
}
