package tech.aiqem.chimera.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.message.Publication;

/** The ledger on PostgreSQL: task transitions with their events, incidents and campaign versions. */
final class JdbcLedger implements TaskLedger, TaskEvents, Incidents, CampaignVersions {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	JdbcLedger(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public boolean planned(PlannedTask task) {
		return planned(List.of(task))[0];
	}

	@Override
	public boolean[] planned(List<PlannedTask> tasks) {
		boolean[] written = new boolean[tasks.size()];
		if (tasks.isEmpty()) {
			return written;
		}
		int[] inserted = this.batch.batchUpdate(LedgerSql.INSERT_TASK,
				tasks.stream().map(PlannedRows::task).toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> events = new ArrayList<>();
		boolean due = false;
		for (int i = 0; i < tasks.size(); i++) {
			if (inserted[i] == 1) {
				written[i] = true;
				PlannedTask task = tasks.get(i);
				events.add(event(task.id(), "planned", "planner",
						Map.of("task_type", task.type().wire(), "scheduled_at", task.scheduledAt().toString()), task.now()));
				due |= !task.scheduledAt().isAfter(task.now());
			}
		}
		batch(LedgerSql.INSERT_EVENT, events);
		if (due) {
			// Delivered when the caller's transaction commits (at once outside one); one per transaction.
			this.jdbc.sql(LedgerSql.NOTIFY_DUE).update();
		}
		return written;
	}

	@Override
	public void queued(List<UUID> tasks, Instant now) {
		if (!tasks.isEmpty()) {
			this.jdbc.sql(LedgerSql.QUEUED).param("now", Timestamp.from(now)).param("ids", tasks).update();
		}
	}

	@Override
	public void undispatchable(UUID task, String problem, Instant now) {
		this.jdbc.sql(LedgerSql.UNDISPATCHABLE)
			.param("now", Timestamp.from(now))
			.param("problem", "cannot be dispatched: " + problem)
			.param("id", task)
			.update();
	}

	@Override
	public boolean[] judged(List<Judgement> judgements, Instant now) {
		int[] updated = this.batch.batchUpdate(LedgerSql.JUDGED,
				judgements.stream().map(item -> JudgementRows.task(item, now)).toArray(SqlParameterSource[]::new));
		boolean[] written = new boolean[judgements.size()];
		List<SqlParameterSource> events = new ArrayList<>();
		List<SqlParameterSource> publications = new ArrayList<>();
		List<SqlParameterSource> reviews = new ArrayList<>();
		List<SqlParameterSource> incidents = new ArrayList<>();
		for (int i = 0; i < judgements.size(); i++) {
			if (updated[i] == 0) {
				continue;
			}
			written[i] = true;
			Judgement item = judgements.get(i);
			events.add(event(item.task(), "picked", item.worker(), Map.of("at", String.valueOf(item.pickedAt())), now));
			events.add(event(item.task(), "judged", "judge", item.judgedDetail(), now));
			if (item.publication() != null) {
				publications.add(publication(item.task(), item.tenant(), item.agent(), item.publication(), now));
			}
			if (item.review() != null) {
				reviews.add(JudgementRows.review(item, now));
			}
			if (item.incident() != null) {
				incidents.add(incident(item.incident()));
			}
		}
		batch(LedgerSql.INSERT_EVENT, events);
		batch(LedgerSql.INSERT_PUBLICATION, publications);
		batch(LedgerSql.INSERT_REVIEW, reviews);
		batch(LedgerSql.INSERT_INCIDENT, incidents);
		return written;
	}

	@Override
	public boolean approvedByHuman(UUID task, UUID tenant, UUID agent, Publication publication, Instant now) {
		boolean approved = this.jdbc.sql(LedgerSql.APPROVED_BY_HUMAN)
			.param("now", Timestamp.from(now))
			.param("id", task)
			.update() == 1;
		if (approved) {
			this.batch.update(LedgerSql.INSERT_PUBLICATION, publication(task, tenant, agent, publication, now));
		}
		return approved;
	}

	@Override
	public boolean rejectedByHuman(UUID task, String reviewer, Instant now) {
		return this.jdbc.sql(LedgerSql.REJECTED_BY_HUMAN)
			.param("now", Timestamp.from(now))
			.param("message", "rejected by " + reviewer)
			.param("id", task)
			.update() == 1;
	}

	@Override
	public void published(UUID task, TaskStatus status, String ref, Instant now) {
		if (status != TaskStatus.COMPLETE && status != TaskStatus.REVIEW) {
			throw new IllegalArgumentException("a published task is complete or still in review, not " + status);
		}
		publicationDone(task, "done", ref, null, now);
		this.jdbc.sql(LedgerSql.PUBLISHED)
			.param("status", status.wire())
			.param("ref", ref)
			.param("now", Timestamp.from(now))
			.param("id", task)
			.update();
		record(task, "published", "publisher", Map.of("ref", String.valueOf(ref)), now);
	}

	@Override
	public void publishFailed(UUID task, ErrorCode code, String message, Instant now) {
		publicationDone(task, "failed", null, message, now);
		this.jdbc.sql(LedgerSql.PUBLISH_FAILED)
			.param("now", Timestamp.from(now))
			.param("code", code == null ? null : code.name())
			.param("message", message)
			.param("id", task)
			.update();
		record(task, "publish_failed", "publisher", Map.of("error", String.valueOf(message)), now);
	}

	private void publicationDone(UUID task, String status, String ref, String error, Instant now) {
		this.jdbc.sql(LedgerSql.PUBLICATION_DONE)
			.param("status", status)
			.param("ref", ref)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("task", task)
			.update();
	}

	@Override
	public int swept(Instant cutoff, int limit, Instant now) {
		return this.jdbc.sql(LedgerSql.SWEEP_STUCK)
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.param("now", Timestamp.from(now))
			.update();
	}

	@Override
	public int settlePayments(Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc.sql(LedgerSql.PAYMENTS_CONFIRMED).param("now", at).update()
				+ this.jdbc.sql(LedgerSql.PAYMENTS_FAILED).param("now", at).update();
	}

	@Override
	public void record(UUID task, String event, String actor, Map<String, ?> detail, Instant at) {
		this.batch.update(LedgerSql.INSERT_EVENT, event(task, event, actor, detail, at));
	}

	@Override
	public void raise(Incident incident) {
		this.batch.update(LedgerSql.INSERT_INCIDENT, incident(incident));
	}

	@Override
	public void raiseAll(List<Incident> incidents) {
		batch(LedgerSql.INSERT_INCIDENT, incidents.stream().<SqlParameterSource>map(JdbcLedger::incident).toList());
	}

	@Override
	public boolean advance(UUID campaign, long expected, int by, Instant now) {
		return this.jdbc.sql(LedgerSql.ADVANCE_IF)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("id", campaign)
			.param("expected", expected)
			.update() == 1;
	}

	@Override
	public void advance(UUID campaign, Instant now) {
		this.jdbc.sql(LedgerSql.ADVANCE).param("now", Timestamp.from(now)).param("id", campaign).update();
	}

	private void batch(String sql, List<SqlParameterSource> rows) {
		if (!rows.isEmpty()) {
			this.batch.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
		}
	}

	private static MapSqlParameterSource event(UUID task, String event, String actor, Map<String, ?> detail, Instant at) {
		return new MapSqlParameterSource().addValue("task", task)
			.addValue("at", Timestamp.from(at))
			.addValue("event", event)
			.addValue("actor", actor)
			.addValue("detail", ChimeraJson.write(detail == null ? Map.of() : detail));
	}

	static MapSqlParameterSource publication(UUID task, UUID tenant, UUID agent, Publication publication, Instant now) {
		return new MapSqlParameterSource().addValue("task", task)
			.addValue("tenant", tenant)
			.addValue("agent", agent)
			.addValue("action", publication.action())
			.addValue("payload", ChimeraJson.write(publication))
			.addValue("now", Timestamp.from(now));
	}

	private static MapSqlParameterSource incident(Incident incident) {
		return new MapSqlParameterSource().addValue("tenant", incident.tenant())
			.addValue("agent", incident.agent())
			.addValue("campaign", incident.campaign())
			.addValue("task", incident.task())
			.addValue("code", incident.code() == null ? null : incident.code().name())
			.addValue("kind", incident.kind())
			.addValue("message", incident.message())
			.addValue("detail", incident.detail() == null ? null : ChimeraJson.write(incident.detail()))
			.addValue("at", Timestamp.from(incident.at()));
	}
}
