package tech.aiqem.chimera.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
	public List<OutboxItem> claimBatch(Instant now, Instant leaseUntil, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("a claim takes at least one item, not " + limit);
		}
		return this.jdbc.sql(LedgerSql.CLAIM_PUBLICATIONS)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, row) -> new OutboxItem(rs.getObject("task_id", UUID.class), rs.getObject("tenant_id", UUID.class),
					rs.getObject("agent_id", UUID.class), ChimeraJson.read(rs.getString("payload"), Publication.class),
					rs.getInt("attempts"), TaskStatus.of(rs.getString("task_status")), rs.getInt("planned_revision"),
					rs.getInt("campaign_revision"), CampaignStatus.of(rs.getString("campaign_status"))))
			.list();
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
