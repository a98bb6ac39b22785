package tech.aiqem.chimera.orchestrator.hitl;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tech.aiqem.chimera.infra.time.RealTime;

/**
 * HITL items do not wait forever: past its review deadline an item is marked escalated (the queue and
 * the dashboard show it as overdue) and operators get an incident, once per item. Deadlines are compared
 * with real time: the judge sets them from real time (a reviewer's SLA), so at the launcher's default
 * time scale a review is not overdue seconds after it appears.
 */
@Component
class ReviewEscalation {

	private static final Logger log = LoggerFactory.getLogger(ReviewEscalation.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RealTime realTime;

	ReviewEscalation(JdbcClient jdbc, Clock clock, RealTime realTime) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.realTime = realTime;
	}

	/** Escalates what is overdue; true when something was. */
	@Transactional
	public boolean escalateOverdue() {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp realNow = Timestamp.from(this.realTime.now());
		int escalated = this.jdbc.sql("""
				WITH overdue AS (
				  UPDATE hitl_reviews SET escalated_at = :now
				   WHERE decision IS NULL AND escalated_at IS NULL AND review_deadline < :realNow
				  RETURNING id, tenant_id, agent_id, task_id, review_deadline
				)
				INSERT INTO incidents (tenant_id, agent_id, task_id, kind, message, detail, created_at)
				SELECT tenant_id, agent_id, task_id, 'review_overdue',
				       'A review is past its deadline and waits for a human', jsonb_build_object('review_id', id,
				       'review_deadline', review_deadline), :now
				  FROM overdue
				ON CONFLICT DO NOTHING
				""")
			.param("now", now)
			.param("realNow", realNow)
			.update();
		if (escalated > 0) {
			log.warn("{} review(s) past their deadline escalated to operators", escalated);
		}
		return escalated > 0;
	}

}
