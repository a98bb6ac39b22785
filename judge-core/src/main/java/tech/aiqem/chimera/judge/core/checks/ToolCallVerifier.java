package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.ToolCall;

/**
 * Whether a tool call a result relies on really happened. The judge's port: today the calls the worker
 * declared ({@link #DECLARED}); a verifier that reads the tools server's records plugs in here.
 */
public interface ToolCallVerifier {

	/** What is known about a tool's successful call for a result. */
	enum Evidence {
		/** No successful call of the tool. */
		NONE,
		/** The worker says it made the call; nothing independent confirms it. */
		DECLARED,
		/** The tools server recorded the call. */
		VERIFIED
	}

	Evidence evidence(ResultMessage result, String tool);

	/** Trusts the result's own {@code tool_calls} as declarations only. */
	ToolCallVerifier DECLARED = (result, tool) -> {
		List<ToolCall> calls = result.toolCallsOrEmpty();
		return calls.stream().anyMatch(call -> call.tool().equals(tool) && call.succeeded()) ? Evidence.DECLARED : Evidence.NONE;
	};
}
