package tech.aiqem.chimera.ledger;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's ports on one database. In a service, inject the ports (auto-configured where there is a
 * {@code DataSource}); outside Spring (benchmarks, tests), {@link #on(DataSource)}.
 */
public record Ledger(TaskLedger tasks, TaskEvents events, Outbox outbox, Incidents incidents,
		CampaignVersions campaigns) {

	/** The ledger on a database; its statements join the transaction a caller holds on the same data source. */
	public static Ledger on(DataSource dataSource) {
		JdbcLedger ledger = new JdbcLedger(JdbcClient.create(dataSource), new NamedParameterJdbcTemplate(dataSource));
		return new Ledger(ledger, ledger, new JdbcOutbox(JdbcClient.create(dataSource)), ledger, ledger);
	}
}
