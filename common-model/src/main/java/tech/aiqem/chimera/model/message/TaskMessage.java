package tech.aiqem.chimera.model.message;

import java.time.Instant;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.TenantId;

/**
 * A task on {@code chimera:tasks:{priority}} (docs/architecture.md §5.1). Besides the specification's fields it
 * carries what it was planned against — the campaign's {@code state_version} and goals revision — so
 * the judge can tell a material change from another task's commit (docs/architecture.md §9), and the
 * attempt number for timeout retries (E2001).
 */
public record TaskMessage(TaskId taskId, AgentId agentId, CampaignId campaignId, TenantId tenantId, TaskType taskType,
		Priority priority, TaskContext context, String assignedWorkerId, Instant createdAt, Instant deadline,
		Long stateVersion, Integer goalsRevision, Integer attempt) {

	public TaskMessage {
		Checks.notNull(taskId, "task_id");
		Checks.notNull(taskType, "task_type");
		Checks.notNull(priority, "priority");
		Checks.notNull(context, "context");
		Checks.notNull(createdAt, "created_at");
		if (deadline != null && deadline.isBefore(createdAt)) {
			throw new IllegalArgumentException("deadline " + deadline + " is before created_at " + createdAt);
		}
	}

	/** The attempt number, 0 for the first delivery. */
	public int attemptOrZero() {
		return this.attempt == null ? 0 : this.attempt;
	}

	/** The same task handed out again after a timeout (E2001). */
	public TaskMessage nextAttempt() {
		return new TaskMessage(this.taskId, this.agentId, this.campaignId, this.tenantId, this.taskType, this.priority,
				this.context, null, this.createdAt, this.deadline, this.stateVersion, this.goalsRevision,
				attemptOrZero() + 1);
	}

	/** The same task as handed to one worker. */
	public TaskMessage assignedTo(String workerId) {
		return new TaskMessage(this.taskId, this.agentId, this.campaignId, this.tenantId, this.taskType, this.priority,
				this.context, workerId, this.createdAt, this.deadline, this.stateVersion, this.goalsRevision,
				this.attempt);
	}
}
