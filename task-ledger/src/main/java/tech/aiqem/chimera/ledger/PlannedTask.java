package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.UUID;

import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;

/**
 * A task as planned: what it was planned against (campaign state version, goals revision) and its origin
 * (slot, mention, plan key or the task it replaces), whose unique keys make planning once-only.
 */
public record PlannedTask(UUID id, UUID campaign, UUID agent, UUID tenant, TaskType type, Priority priority,
		TaskContext context, long stateVersion, int goalsRevision, Integer slot, String sourceMentionId, UUID replanOf,
		String planKey, Instant scheduledAt, Instant deadline, Instant now) {
}
