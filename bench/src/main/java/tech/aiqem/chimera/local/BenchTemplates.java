package tech.aiqem.chimera.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import tech.aiqem.chimera.ledger.PlannedTask;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;

/**
 * Tasks the planner planned for real, read once, and cloned into the benchmark's load: the same campaign,
 * agent, context and planned-against versions, so that workers and the judge see what they expect, with
 * a topic and a plan key of their own.
 */
final class BenchTemplates {

	private static final String SELECT = """
			SELECT id, campaign_id, agent_id, tenant_id, task_type, priority, context, state_version, goals_revision
			  FROM tasks WHERE id = ANY (?)""";

	private final List<PlannedTask> templates;

	private BenchTemplates(List<PlannedTask> templates) {
		this.templates = List.copyOf(templates);
	}

	static BenchTemplates read(Connection connection, List<UUID> ids) throws SQLException {
		List<PlannedTask> templates = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(SELECT)) {
			select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					templates.add(new PlannedTask(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
							rs.getObject("agent_id", UUID.class), rs.getObject("tenant_id", UUID.class),
							TaskType.of(rs.getString("task_type")), Priority.of(rs.getString("priority")),
							ChimeraJson.read(rs.getString("context"), TaskContext.class), rs.getLong("state_version"),
							rs.getInt("goals_revision"), null, null, null, null, null, null, null));
				}
			}
		}
		if (templates.size() != ids.size()) {
			throw new IllegalStateException(ids.size() + " templates asked for, " + templates.size() + " found");
		}
		templates.sort(Comparator.comparingInt(template -> ids.indexOf(template.id())));
		return new BenchTemplates(templates);
	}

	int size() {
		return this.templates.size();
	}

	/** The first template's campaign (the first id read): the hot campaign of the OCC phase. */
	UUID firstCampaign() {
		return this.templates.get(0).campaign();
	}

	/**
	 * {@code each} pending tasks per template, due now, keyed {@code key-<template>-<n>}. Each task its own
	 * topic: the sandbox platform refuses an account's repeated text, as a real one would.
	 */
	List<PlannedTask> clones(String key, int each, Instant now) {
		List<PlannedTask> clones = new ArrayList<>(each * this.templates.size());
		for (PlannedTask template : this.templates) {
			for (int n = 1; n <= each; n++) {
				clones.add(clone(template, key + "-" + template.id() + "-" + n, key + "-" + n, now));
			}
		}
		return clones;
	}

	/** {@code count} tasks of the first template's campaign (the OCC phase's hot campaign). */
	List<PlannedTask> ofFirstCampaign(String key, int count, Instant now) {
		List<PlannedTask> clones = new ArrayList<>(count);
		for (int n = 1; n <= count; n++) {
			clones.add(clone(this.templates.get(0), key + "-" + n, key + "-" + n, now));
		}
		return clones;
	}

	private static PlannedTask clone(PlannedTask template, String planKey, String topicSuffix, Instant now) {
		TaskContext context = template.context();
		String topic = (context.topic() == null ? "our story" : context.topic()) + " " + topicSuffix;
		TaskContext own = new TaskContext(context.goalDescription(), context.personaConstraints(),
				context.requiredResources(), context.platform(), topic, context.disclosureLevel(), context.mention(),
				context.payment());
		return new PlannedTask(UUID.randomUUID(), template.campaign(), template.agent(), template.tenant(), template.type(),
				template.priority(), own, template.stateVersion(), template.goalsRevision(), null, null, null, planKey, now,
				now.plus(Duration.ofHours(2)), now);
	}
}
