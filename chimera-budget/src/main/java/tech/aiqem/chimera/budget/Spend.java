package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.util.Objects;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/**
 * One cost to check against the budgets and record.
 *
 * @param ref idempotency key, unique per cost: {@code pay:{task_id}}, {@code model:{task_id}:worker}, ... A
 * retry with the same ref is counted once.
 * @param campaignId the campaign the cost belongs to, or null when none (its budgets are then not checked)
 * @param taskId the task that caused it, or null
 * @param amountUsd non-negative, at most 6 decimals
 */
public record Spend(String ref, TenantId tenantId, AgentId agentId, CampaignId campaignId, TaskId taskId,
		SpendKind kind, BigDecimal amountUsd) {

	public Spend {
		if (ref == null || ref.isBlank() || ref.length() > 200) {
			throw new IllegalArgumentException("spend ref is required (1..200 characters), got '" + ref + "'");
		}
		Objects.requireNonNull(tenantId, "spend tenant id");
		Objects.requireNonNull(agentId, "spend agent id");
		Objects.requireNonNull(kind, "spend kind");
		Objects.requireNonNull(amountUsd, "spend amount");
		if (amountUsd.signum() < 0) {
			throw new IllegalArgumentException("spend amount must not be negative, got " + amountUsd.toPlainString());
		}
		if (amountUsd.stripTrailingZeros().scale() > 6) {
			throw new IllegalArgumentException("spend amount has more than 6 decimals: " + amountUsd.toPlainString());
		}
	}

	/** The conventional ref of a payment: one per task. */
	public static String paymentRef(TaskId taskId) {
		return "pay:" + taskId;
	}

	/** The conventional ref of a model call made for a task by a role (planner, worker, judge). */
	public static String modelRef(TaskId taskId, String role) {
		return "model:" + taskId + ":" + role;
	}
}
