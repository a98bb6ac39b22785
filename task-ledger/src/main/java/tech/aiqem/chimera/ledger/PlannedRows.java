package tech.aiqem.chimera.ledger;

import java.sql.Timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import tech.aiqem.chimera.model.ChimeraJson;

/** The row a planned task inserts. */
final class PlannedRows {

	private PlannedRows() {
	}

	static MapSqlParameterSource task(PlannedTask task) {
		return new MapSqlParameterSource().addValue("id", task.id())
			.addValue("campaign", task.campaign())
			.addValue("agent", task.agent())
			.addValue("tenant", task.tenant())
			.addValue("type", task.type().wire())
			.addValue("priority", task.priority().wire())
			.addValue("context", ChimeraJson.write(task.context()))
			.addValue("version", task.stateVersion())
			.addValue("revision", task.goalsRevision())
			.addValue("slot", task.slot())
			.addValue("mention", task.sourceMentionId())
			.addValue("replanOf", task.replanOf())
			.addValue("planKey", task.planKey())
			.addValue("scheduled", Timestamp.from(task.scheduledAt()))
			.addValue("deadline", Timestamp.from(task.deadline()))
			.addValue("now", Timestamp.from(task.now()));
	}
}
