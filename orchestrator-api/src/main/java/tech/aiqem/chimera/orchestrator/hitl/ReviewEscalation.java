package tech.aiqem.chimera.orchestrator.hitl;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Incidents;

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

	private final Incidents incidents;

	private final Clock clock;

	private final RealTime realTime;

	ReviewEscalation(JdbcClient jdbc, Incidents incidents, Clock clock, RealTime realTime) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.clock = clock;
		this.realTime = realTime;
	}

	/** Escalates what is overdue; true when something was. */
	@Transactional
	public boolean escalateOverdue() {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp realNow = Timestamp.from(this.realTime.now());
		List<Incident> overdue = this.jdbc.sql("""
				UPDATE hitl_reviews SET escalated_at = :now
				 WHERE decision IS NULL AND escalated_at IS NULL AND review_deadline < :realNow
				RETURNING id, tenant_id, agent_id, task_id, review_deadline
				""")
			.param("now", now)
			.param("realNow", realNow)
			.query((rs, row) -> new Incident(rs.getObject("tenant_id", UUID.class), rs.getObject("agent_id", UUID.class),
					null, rs.getObject("task_id", UUID.class), null, "review_overdue",
					"A review is past its deadline and waits for a human",
					Map.of("review_id", rs.getObject("id", UUID.class).toString(), "review_deadline",
							rs.getTimestamp("review_deadline").toInstant().toString()),
					now.toInstant()))
			.list();
		this.incidents.raiseAll(overdue);
		int escalated = overdue.size();
		if (escalated > 0) {
			log.warn("{} review(s) past their deadline escalated to operators", escalated);
		}
		return escalated > 0;
	}

}
