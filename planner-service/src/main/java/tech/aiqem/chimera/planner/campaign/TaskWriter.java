package tech.aiqem.chimera.planner.campaign;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.PlannedTask;
import tech.aiqem.chimera.ledger.TaskEvents;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;

/**
 * Plans tasks into the ledger. Each carries what it was planned against (state version, goals revision)
 * and its origin (slot, mention, plan key or the task it replaces), whose unique keys make planning
 * once-only: a second attempt to plan the same thing inserts nothing.
 */
@Component
public class TaskWriter {

	private final TaskLedger ledger;

	private final TaskEvents events;

	public TaskWriter(Ledger ledger) {
		this.ledger = ledger.tasks();
		this.events = ledger.events();
	}

	/** Inserts the task unless its origin was planned already; true when it was inserted. */
	public boolean insert(NewTask task) {
		CampaignRow campaign = task.campaign();
		return this.ledger.planned(new PlannedTask(task.id().value(), campaign.id().value(), campaign.agent().value(),
				campaign.tenant().value(), task.type(), task.priority(), task.context(), campaign.stateVersion(),
				campaign.goalsRevision(), task.slot(), task.sourceMentionId(), task.replanOf(), task.planKey(),
				task.scheduledAt(), task.deadline(), task.now()));
	}

	/** Records what the planner did to a task without changing its state (a replacement planned for it). */
	public void event(TaskId task, String event, Map<String, ?> detail, Instant at) {
		this.events.record(task.value(), event, "planner", detail, at);
	}

	/** A task to plan and where it came from. */
	public record NewTask(TaskId id, CampaignRow campaign, TaskType type, Priority priority, TaskContext context,
			Integer slot, String sourceMentionId, UUID replanOf, String planKey, Instant scheduledAt, Instant deadline,
			Instant now) {
	}
}
