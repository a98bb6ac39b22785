package tech.aiqem.chimera.orchestrator.observability;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code chimera.hitl.queue.size} (reviews waiting for a human), {@code chimera.hitl.queue.oldest}
 * (seconds the oldest has waited) and {@code chimera.hitl.review.time{decision}} (created → reviewed of
 * each decided review, recorded once as it is found). Times are in the deployment's clock (real time in
 * production, scaled in the launcher's demo). Reviews decided before this process started are not
 * recorded again: the timer starts from the newest decision already there.
 */
final class HitlMeters {

	private static final String DECIDED_SINCE = """
			SELECT id, decision, created_at, reviewed_at FROM hitl_reviews
			 WHERE reviewed_at IS NOT NULL AND (reviewed_at, id) > (:at, :id)
			 ORDER BY reviewed_at, id LIMIT 500
			""";

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestSeconds = new AtomicLong();

	private Instant markAt;

	private UUID markId;

	HitlMeters(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
		Gauge.builder("chimera.hitl.queue.size", this.pending, AtomicLong::get)
			.description("HITL reviews waiting for a human decision")
			.register(meters);
		Gauge.builder("chimera.hitl.queue.oldest", this.oldestSeconds, AtomicLong::get)
			.description("How long the oldest waiting HITL review has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	void refresh(Instant now) {
		this.jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM hitl_reviews WHERE decision IS NULL")
			.query((RowCallbackHandler) rs -> {
				this.pending.set(rs.getLong(1));
				Timestamp oldest = rs.getTimestamp(2);
				this.oldestSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
			});
		if (this.markAt == null) {
			start();
		}
		List<Decided> decided;
		do {
			decided = this.jdbc.sql(DECIDED_SINCE)
				.param("at", Timestamp.from(this.markAt))
				.param("id", this.markId)
				.query((rs, row) -> new Decided(rs.getObject("id", UUID.class), rs.getString("decision"),
						rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("reviewed_at").toInstant()))
				.list();
			for (Decided review : decided) {
				Timer.builder("chimera.hitl.review.time")
					.description("From a result escalated to a human to the human's decision")
					.tag("decision", review.decision() == null ? "unknown" : review.decision())
					.register(this.meters)
					.record(Duration.between(review.createdAt(), review.reviewedAt()).abs());
				this.markAt = review.reviewedAt();
				this.markId = review.id();
			}
		}
		while (decided.size() == 500);
	}

	/** Starts after the newest decision already recorded, so a restart does not count old reviews twice. */
	private void start() {
		this.markAt = Instant.EPOCH;
		this.markId = new UUID(0, 0);
		this.jdbc.sql("SELECT reviewed_at, id FROM hitl_reviews WHERE reviewed_at IS NOT NULL ORDER BY reviewed_at DESC, id DESC LIMIT 1")
			.query((RowCallbackHandler) rs -> {
				this.markAt = rs.getTimestamp(1).toInstant();
				this.markId = rs.getObject(2, UUID.class);
			});
	}

	private record Decided(UUID id, String decision, Instant createdAt, Instant reviewedAt) {
	}
}
