package tech.aiqem.chimera.model.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskId;

/**
 * A worker's result on {@code chimera:review:{agent_id}} (docs/architecture.md §5.2; some writers name
 * {@code reasoning_trace} {@code reasoning}, read here as an alias). A result that failed carries the
 * error code instead of output. {@code picked_at} and {@code worker_id} let the judge record the task's
 * trace and per-hop latency.
 */
public record ResultMessage(TaskId taskId, AgentId agentId, TaskOutput result, BigDecimal confidenceScore,
		@JsonAlias("reasoning") String reasoningTrace, List<ToolCall> toolCalls, Instant completedAt, String workerId,
		Instant pickedAt, ErrorCode errorCode, String errorMessage, Usage usage) {

	public ResultMessage {
		Checks.notNull(taskId, "task_id");
		if (errorCode == null && errorMessage == null) {
			Checks.notNull(result, "result");
			Checks.notNull(confidenceScore, "confidence_score");
		}
		Checks.unitInterval(confidenceScore, "confidence_score");
		toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
	}

	/** A failure carries an error code or message instead of a result. */
	public boolean failed() {
		return this.errorCode != null || this.result == null;
	}

	public List<ToolCall> toolCallsOrEmpty() {
		return this.toolCalls == null ? List.of() : this.toolCalls;
	}

	public static ResultMessage failure(TaskId taskId, AgentId agentId, ErrorCode code, String message, String workerId,
			Instant pickedAt, Instant completedAt, List<ToolCall> toolCalls) {
		return new ResultMessage(taskId, agentId, null, null, null, toolCalls, completedAt, workerId, pickedAt, code,
				message, null);
	}

	/** Model usage of the work, which counts against the agent's daily spend. */
	public record Usage(long inputTokens, long outputTokens, BigDecimal costUsd) {
	}
}
