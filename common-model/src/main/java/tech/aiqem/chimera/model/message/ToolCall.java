package tech.aiqem.chimera.model.message;

/** One tool call a worker made for a result (docs/architecture.md §5.2 tool_calls), with its outcome. */
public record ToolCall(String tool, Long durationMs, Boolean ok, String detail) {

	public ToolCall {
		Checks.notBlank(tool, "tool_calls[].tool");
		if (durationMs != null && durationMs < 0) {
			throw new IllegalArgumentException("tool_calls[].duration_ms must not be negative");
		}
	}

	public ToolCall(String tool, long durationMs) {
		this(tool, durationMs, null, null);
	}

	public boolean succeeded() {
		return this.ok == null || this.ok;
	}
}
