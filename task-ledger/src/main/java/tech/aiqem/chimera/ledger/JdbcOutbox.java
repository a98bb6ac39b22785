package tech.aiqem.chimera.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.model.CampaignStatus;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.message.Publication;

/** The outbox on PostgreSQL. */
final class JdbcOutbox implements Outbox {

	private final JdbcClient jdbc;

	JdbcOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<OutboxItem> claimNext(Instant now, Instant leaseUntil) {
		return this.jdbc.sql(LedgerSql.CLAIM_PUBLICATION)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.query((rs, row) -> new OutboxItem(rs.getObject("task_id", UUID.class), rs.getObject("tenant_id", UUID.class),
					rs.getObject("agent_id", UUID.class), ChimeraJson.read(rs.getString("payload"), Publication.class),
					rs.getInt("attempts"), TaskStatus.of(rs.getString("task_status")), rs.getInt("planned_revision"),
					rs.getInt("campaign_revision"), CampaignStatus.of(rs.getString("campaign_status"))))
			.optional();
	}

	@Override
	public void defer(UUID task, Instant next, String reason) {
		this.jdbc.sql(LedgerSql.PUBLICATION_DEFERRED)
			.param("next", Timestamp.from(next))
			.param("error", reason)
			.param("task", task)
			.update();
	}

	@Override
	public void retry(UUID task, int attempts, String error, Instant next) {
		this.jdbc.sql(LedgerSql.PUBLICATION_RETRY)
			.param("attempts", attempts)
			.param("error", error)
			.param("next", Timestamp.from(next))
			.param("task", task)
			.update();
	}
}
