package tech.aiqem.chimera.orchestrator.observability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Today's spend from {@code spend_ledger} (the durable record; days in the deployment's clock):
 * {@code chimera.spend.tenant.usd{tenant_id}} for every tenant (0 before its first spend of the day), and
 * {@code chimera.spend.agent.usd{agent_id}} for the day's top N agents only, which bounds the number of
 * series however many agents run. An agent that drops out of the top N loses its series.
 */
final class SpendMeters {

	private final JdbcClient jdbc;

	private final int topAgents;

	private final MultiGauge byTenant;

	private final MultiGauge byAgent;

	SpendMeters(JdbcClient jdbc, MeterRegistry meters, int topAgents) {
		this.jdbc = jdbc;
		this.topAgents = topAgents;
		this.byTenant = MultiGauge.builder("chimera.spend.tenant.usd")
			.description("Spend of each tenant today, in USD")
			.register(meters);
		this.byAgent = MultiGauge.builder("chimera.spend.agent.usd")
			.description("Spend today of the day's biggest-spending agents, in USD")
			.register(meters);
	}

	void refresh(LocalDate today) {
		List<MultiGauge.Row<Number>> tenants = this.jdbc
			.sql("""
					SELECT t.id, COALESCE(SUM(s.amount_usd), 0) FROM tenants t
					  LEFT JOIN spend_ledger s ON s.tenant_id = t.id AND s.day = :day
					 GROUP BY t.id
					""")
			.param("day", today)
			.query((rs, row) -> row(Tags.of("tenant_id", rs.getString(1)), rs.getBigDecimal(2)))
			.list();
		this.byTenant.register(tenants, true);
		List<MultiGauge.Row<Number>> agents = this.topAgents == 0 ? List.of() : this.jdbc.sql("""
				SELECT agent_id, SUM(amount_usd) AS spent FROM spend_ledger WHERE day = :day
				 GROUP BY agent_id ORDER BY spent DESC, agent_id LIMIT :n
				""")
			.param("day", today)
			.param("n", this.topAgents)
			.query((rs, row) -> row(Tags.of("agent_id", rs.getString(1)), rs.getBigDecimal(2)))
			.list();
		this.byAgent.register(agents, true);
	}

	private static MultiGauge.Row<Number> row(Tags tags, BigDecimal usd) {
		return MultiGauge.Row.of(tags, (Number) (usd == null ? 0.0 : usd.doubleValue()));
	}
}
