package tech.aiqem.chimera.orchestrator.judge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.message.ToolCall;

/**
 * A result to preview, in the Worker → Judge format (docs/architecture.md §5.2); {@code task_id} and {@code completed_at}
 * may be left out. {@code context} (docs/architecture.md §5.1, optional) says what the task was: a sponsored goal, a mention
 * the result replies to, the disclosure level.
 */
record PreviewRequest(TaskId taskId, @NotNull TaskOutput result,
		@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal confidenceScore, @Size(max = 10_000) String reasoningTrace,
		@Size(max = 100) List<@NotNull @Valid ToolCall> toolCalls, Instant completedAt, TaskContext context) {
}
