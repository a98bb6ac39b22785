package tech.aiqem.chimera.judge.commit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.infra.observability.ErrorMeters;
import tech.aiqem.chimera.judge.core.FindingsWire;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.judge.review.TaskState;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * Commits judged results in batches with per-campaign optimistic concurrency; the rows of a batch go to
 * the database as JDBC batches, one round trip per statement rather than one per row.
 */
public final class ResultCommitter {

	private static final Logger log = LoggerFactory.getLogger(ResultCommitter.class);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Duration reviewDeadline;

	/** Real time: a review deadline is a human's SLA, not campaign time (which the demo runs faster). */
	private final Clock realClock;

	private final int retries;

	/**
	 * @param batch the same database, for the JDBC batches a commit writes its rows with
	 */
	public ResultCommitter(JdbcClient jdbc, NamedParameterJdbcOperations batch, TransactionTemplate transactions,
			Clock clock, MeterRegistry meters, Duration reviewDeadline, int retries) {
		this(jdbc, batch, transactions, clock, Clock.systemUTC(), meters, reviewDeadline, retries);
	}

	/**
	 * @param clock the deployment's (possibly scaled) clock: commit and task times
	 * @param realClock real time, for review deadlines
	 */
	public ResultCommitter(JdbcClient jdbc, NamedParameterJdbcOperations batch, TransactionTemplate transactions,
			Clock clock, Clock realClock, MeterRegistry meters, Duration reviewDeadline, int retries) {
		this.realClock = realClock;
		this.jdbc = jdbc;
		this.batch = batch;
		this.transactions = transactions;
		this.clock = clock;
		this.meters = meters;
		this.reviewDeadline = reviewDeadline;
		this.retries = retries;
		// Registered at zero so that dashboards and alerts see the series before the first conflict.
		meters.counter("chimera.occ.conflicts");
		ErrorMeters.register(meters, "judge");
	}

	/**
	 * Commits what can be committed and returns it; results still conflicting after the retries are left
	 * out (their messages stay unacknowledged and come back).
	 */
	public List<Judged> commit(List<Judged> judged) {
		List<Judged> committed = new ArrayList<>();
		List<Judged> pending = new ArrayList<>(judged);
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			// Grouped by campaign and the version validated against: each group is one OCC check.
			Map<String, List<Judged>> byCampaign = new LinkedHashMap<>();
			for (Judged item : pending) {
				if (item.writes()) {
					byCampaign.computeIfAbsent(item.task().campaignId() + "@" + item.task().campaignVersion(),
							id -> new ArrayList<>()).add(item);
				}
				else {
					committed.add(item);
				}
			}
			List<Judged> conflicted = new ArrayList<>();
			List<Judged> applied = new ArrayList<>();
			long started = System.nanoTime();
			this.transactions.executeWithoutResult(status -> {
				Instant now = this.clock.instant();
				for (List<Judged> items : byCampaign.values()) {
					if (bumpVersion(items.get(0).task().campaignId(), items, now)) {
						writeAll(items, now);
						applied.addAll(items);
					}
					else {
						conflicted.addAll(items);
					}
				}
			});
			this.meters.timer("chimera.hop.judge_commit", "outcome", "committed").record(Duration.ofNanos(System.nanoTime() - started));
			committed.addAll(applied);
			if (conflicted.isEmpty()) {
				break;
			}
			this.meters.counter("chimera.occ.conflicts").increment(conflicted.size());
			if (attempt >= this.retries) {
				log.warn("{} result(s) still conflict after {} retries; they will be delivered again", conflicted.size(), attempt);
				break;
			}
			pending = revalidate(conflicted);
			pause(attempt);
		}
		return committed;
	}

	/** The OCC check: the campaign is still at the version these results were validated against. */
	private boolean bumpVersion(UUID campaign, List<Judged> items, Instant now) {
		return this.jdbc.sql("""
				UPDATE campaigns SET state_version = state_version + :n, updated_at = :now
				 WHERE id = :id AND state_version = :version
				""")
			.param("n", items.size())
			.param("now", Timestamp.from(now))
			.param("id", campaign)
			.param("version", items.get(0).task().campaignVersion())
			.update() == 1;
	}

	/** Re-reads the campaigns of conflicting results: stale ones are invalidated, the others retried as they are. */
	private List<Judged> revalidate(List<Judged> conflicted) {
		List<Judged> again = new ArrayList<>();
		for (Judged item : conflicted) {
			TaskState current = this.jdbc.sql(TaskState.SELECT + " WHERE t.id = :id")
				.param("id", item.task().taskId())
				.query(TaskState::map)
				.optional()
				.orElse(null);
			if (current == null) {
				continue;
			}
			Judged updated = item.against(current);
			if (current.settled()) {
				updated = new Judged(item.delivery(), item.result(), current, Judged.Kind.DUPLICATE, null, null,
						"already " + current.status(), BigDecimal.ZERO);
			}
			else if (current.staleness() != null && item.kind() != Judged.Kind.INVALIDATED && item.kind() != Judged.Kind.FAILED) {
				updated = updated.invalidated(current.staleness());
			}
			again.add(updated);
		}
		return again;
	}

	private static final String UPDATE_TASK = """
			UPDATE tasks SET status = :status, result = CAST(:result AS jsonb), confidence_score = :confidence,
			       assigned_worker_id = :worker, picked_at = :picked, judged_at = :now, error_code = :code,
			       error_message = :message, completed_at = :completed, approved_by = :approvedBy,
			       approved_at = :approvedAt
			 WHERE id = :id AND status IN ('pending', 'in_progress')
			""";

	private static final String INSERT_EVENT = """
			INSERT INTO task_events (task_id, at, event, actor, detail) VALUES (:task, :at, :event, :actor, CAST(:detail AS jsonb))
			""";

	private static final String INSERT_PUBLICATION = """
			INSERT INTO publications (task_id, tenant_id, agent_id, action, payload, next_attempt_at, created_at)
			VALUES (:task, :tenant, :agent, :action, CAST(:payload AS jsonb), :now, :now)
			ON CONFLICT (task_id) DO NOTHING
			""";

	private static final String INSERT_REVIEW = """
			INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, reasoning_trace, reason_code,
			                          review_deadline, created_at, findings)
			VALUES (:task, :tenant, :agent, CAST(:content AS jsonb), :confidence, :reasoning, :code, :deadline, :now,
			        CAST(:findings AS jsonb))
			ON CONFLICT (task_id) DO NOTHING
			""";

	private static final String INSERT_INCIDENT = """
			INSERT INTO incidents (tenant_id, agent_id, campaign_id, task_id, code, message, created_at)
			VALUES (:tenant, :agent, :campaign, :task, :code, :message, :now)
			""";

	/**
	 * Writes a group's results with one JDBC batch per statement (a round trip each, not one per row):
	 * the task rows first, then for the rows that changed their events, publications, reviews and incidents.
	 */
	private void writeAll(List<Judged> items, Instant now) {
		int[] updated = this.batch.batchUpdate(UPDATE_TASK,
				items.stream().map(item -> taskUpdate(item, now)).toArray(SqlParameterSource[]::new));
		List<Judged> written = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			if (updated[i] != 0) {
				written.add(items.get(i));
			}
		}
		if (written.isEmpty()) {
			return;
		}
		List<SqlParameterSource> events = new ArrayList<>();
		List<SqlParameterSource> publications = new ArrayList<>();
		List<SqlParameterSource> reviews = new ArrayList<>();
		List<SqlParameterSource> incidents = new ArrayList<>();
		for (Judged item : written) {
			ResultMessage result = item.result();
			events.add(event(item.task().taskId(), "picked", result.workerId(), Map.of("at", String.valueOf(result.pickedAt())), now));
			events.add(event(item.task().taskId(), "judged", "judge", judgedDetail(item), now));
			switch (item.kind()) {
				case APPROVED -> publications.add(publication(item, now));
				case HUMAN_REVIEW -> {
					reviews.add(review(item, now));
					if (item.code() != null) {
						incidents.add(incident(item, "Escalated to a human: " + item.reasoning(), now));
					}
				}
				case REJECTED -> {
					if (item.code() != null) {
						incidents.add(incident(item, "Rejected: " + item.reasoning(), now));
					}
				}
				case FAILED -> {
					if (item.code() != null) {
						incidents.add(incident(item, "Task failed: " + item.reasoning(), now));
					}
				}
				default -> { }
			}
		}
		batch(INSERT_EVENT, events);
		batch(INSERT_PUBLICATION, publications);
		batch(INSERT_REVIEW, reviews);
		batch(INSERT_INCIDENT, incidents);
		for (Judged item : written) {
			count(item, now);
		}
	}

	private void batch(String sql, List<SqlParameterSource> rows) {
		if (!rows.isEmpty()) {
			this.batch.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
		}
	}

	private MapSqlParameterSource taskUpdate(Judged item, Instant now) {
		ResultMessage result = item.result();
		String status;
		String approvedBy = null;
		switch (item.kind()) {
			case APPROVED -> {
				status = "review";
				approvedBy = "judge";
			}
			case HUMAN_REVIEW -> status = "review";
			default -> status = "failed";
		}
		boolean ended = "failed".equals(status);
		return new MapSqlParameterSource().addValue("status", status)
			.addValue("result", result.result() == null ? null : ChimeraJson.write(result.result()))
			.addValue("confidence", item.confidence())
			.addValue("worker", result.workerId())
			.addValue("picked", result.pickedAt() == null ? null : Timestamp.from(result.pickedAt()))
			.addValue("now", Timestamp.from(now))
			.addValue("code", item.code() == null ? null : item.code().name())
			.addValue("message", ended ? item.reasoning() : null)
			.addValue("completed", ended ? Timestamp.from(now) : null)
			.addValue("approvedBy", approvedBy)
			.addValue("approvedAt", approvedBy == null ? null : Timestamp.from(now))
			.addValue("id", item.task().taskId());
	}

	private static Map<String, Object> judgedDetail(Judged item) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("outcome", item.kind().name().toLowerCase());
		detail.put("confidence", item.confidence());
		detail.put("reasoning", item.reasoning());
		detail.put("worker", item.result().workerId());
		detail.put("tool_calls", item.result().toolCallsOrEmpty());
		if (item.code() != null) {
			detail.put("code", item.code().name());
		}
		if (!item.findings().isEmpty()) {
			detail.put("findings", FindingsWire.of(item.findings()));
		}
		return detail;
	}

	private void count(Judged item, Instant now) {
		TaskState task = item.task();
		ResultMessage result = item.result();
		this.meters.counter("chimera.judge.outcomes", "outcome", item.kind().name().toLowerCase(), "task_type",
				task.type().wire()).increment();
		if (item.code() != null) {
			ErrorMeters.count(this.meters, item.code(), "judge");
		}
		if (result.completedAt() != null) {
			this.meters.timer("chimera.hop.review_wait", "task_type", task.type().wire())
				.record(Duration.between(result.completedAt(), now).abs());
		}
	}

	private static MapSqlParameterSource publication(Judged item, Instant now) {
		TaskOutput output = item.result().result();
		Publication publication = output.payment() != null ? Publication.pay(output.payment())
				: Publication.post(output, output.text());
		return new MapSqlParameterSource().addValue("task", item.task().taskId())
			.addValue("tenant", item.task().tenantId())
			.addValue("agent", item.task().agentId())
			.addValue("action", publication.action())
			.addValue("payload", ChimeraJson.write(publication))
			.addValue("now", Timestamp.from(now));
	}

	private MapSqlParameterSource review(Judged item, Instant now) {
		TaskOutput output = item.result().result();
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("text", output.text());
		content.put("image_url", output.mediaUrl());
		content.put("platform", output.platform() == null ? null : output.platform().wire());
		content.put("content_type", output.contentType());
		if (output.payment() != null) {
			content.put("payment", output.payment());
		}
		if (item.task().context().mention() != null) {
			content.put("in_reply_to", item.task().context().mention());
		}
		return new MapSqlParameterSource().addValue("task", item.task().taskId())
			.addValue("tenant", item.task().tenantId())
			.addValue("agent", item.task().agentId())
			.addValue("content", ChimeraJson.write(content))
			.addValue("confidence", item.confidence())
			.addValue("reasoning", item.reasoning())
			.addValue("code", item.code() == null ? null : item.code().name())
			.addValue("deadline", Timestamp.from(this.realClock.instant().plus(this.reviewDeadline)))
			.addValue("now", Timestamp.from(now))
			.addValue("findings", ChimeraJson.write(FindingsWire.of(item.findings())));
	}

	private static MapSqlParameterSource incident(Judged item, String message, Instant now) {
		return new MapSqlParameterSource().addValue("tenant", item.task().tenantId())
			.addValue("agent", item.task().agentId())
			.addValue("campaign", item.task().campaignId())
			.addValue("task", item.task().taskId())
			.addValue("code", item.code().name())
			.addValue("message", message.length() > 2000 ? message.substring(0, 2000) : message)
			.addValue("now", Timestamp.from(now));
	}

	private static MapSqlParameterSource event(UUID task, String event, String actor, Map<String, ?> detail, Instant now) {
		return new MapSqlParameterSource().addValue("task", task)
			.addValue("at", Timestamp.from(now))
			.addValue("event", event)
			.addValue("actor", actor)
			.addValue("detail", ChimeraJson.write(detail));
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
