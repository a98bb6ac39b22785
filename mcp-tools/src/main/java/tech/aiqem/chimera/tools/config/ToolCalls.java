package tech.aiqem.chimera.tools.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.model.ToolFailure;
import tech.aiqem.chimera.tools.agent.UnknownAgentException;
import tech.aiqem.chimera.tools.audit.ServedCalls;
import tech.aiqem.chimera.tools.auth.Caller;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;

/**
 * Turns a tool handler's outcome into an MCP result: the result map as structured content (and as JSON
 * text for clients that read only text), every failure as {@code isError: true} with a message and an
 * {@code error} reason — never a protocol error or a crash of the session.
 */
final class ToolCalls {

	private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

	private ToolCalls() {
	}

	static CallToolResult invoke(String tool, Caller caller, CallToolRequest request,
			BiFunction<CallContext, Map<String, Object>, Map<String, Object>> handler, ServedCalls served) {
		long started = System.nanoTime();
		CallToolResult result = invoke(tool, caller, request, handler);
		TaskId task = taskOf(request);
		if (task != null) {
			Map<String, Object> structured = result.structuredContent() instanceof Map<?, ?> map ? castMap(map) : Map.of();
			String outcome = Boolean.TRUE.equals(result.isError()) ? String.valueOf(structured.getOrDefault("error", "error")) : "ok";
			served.record(task, tool, caller == null ? "(none)" : caller.name(), request.arguments(), outcome,
					Boolean.TRUE.equals(result.isError()) ? null : structured, (System.nanoTime() - started) / 1_000_000);
		}
		return result;
	}

	private static TaskId taskOf(CallToolRequest request) {
		try {
			return CallContext.from(request.meta()).task();
		}
		catch (ToolError ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	static CallToolResult invoke(String tool, Caller caller, CallToolRequest request,
			BiFunction<CallContext, Map<String, Object>, Map<String, Object>> handler) {
		if (caller == null || !caller.may(tool)) {
			String message = tool + ": the caller " + (caller == null ? "(none)" : "'" + caller.name() + "'")
					+ " may not call this tool; nothing was done";
			log.warn("{} refused: caller {} lacks the scope", tool, caller == null ? "(none)" : caller.name());
			return failure(ToolFailure.of(Reason.FORBIDDEN, message).toStructured());
		}
		try {
			Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
			CallContext context = caller.isTenantKey() ? CallContext.forTenantKey(caller.tenant(), arguments, request.meta())
					: CallContext.from(request.meta());
			if (arguments.containsKey(CallContext.AGENT_ARGUMENT)) {
				Object named = arguments.get(CallContext.AGENT_ARGUMENT);
				if (!caller.isTenantKey() && context.agent() != null && !context.agent().toString().equals(String.valueOf(named))) {
					throw ToolError.invalidArgument(tool + ": agent_id names another agent than _meta \"" + CallContext.AGENT_ID + "\"");
				}
				arguments = new LinkedHashMap<>(arguments);
				arguments.remove(CallContext.AGENT_ARGUMENT);
			}
			Map<String, Object> result = handler.apply(context, arguments);
			return CallToolResult.builder()
				.addTextContent(ChimeraJson.write(result))
				.structuredContent(result)
				.isError(false)
				.build();
		}
		catch (ToolError ex) {
			Map<String, Object> error = ex.failure().toStructured();
			error.putAll(ex.details());
			log.info("{} refused: {}", tool, ex.getMessage());
			return failure(error);
		}
		catch (UnknownAgentException ex) {
			return failure(ToolFailure.of(Reason.UNKNOWN_AGENT, tool + ": " + ex.getMessage()).toStructured());
		}
		catch (DataAccessException | io.lettuce.core.RedisException ex) {
			log.error("{} failed on the database", tool, ex);
			return failure(ToolFailure.of(ErrorCode.E2002,
					tool + ": E2002 database unavailable; nothing was done, call again with the same task id").toStructured());
		}
		catch (RuntimeException ex) {
			log.error("{} failed", tool, ex);
			return failure(ToolFailure.of(Reason.INTERNAL,
					tool + ": internal error (" + ex.getClass().getSimpleName() + "); see the mcp-tools log").toStructured());
		}
	}

	/** A refusal: the message as text for people and models, the failure as structured content for programs. */
	private static CallToolResult failure(Map<String, Object> structured) {
		return CallToolResult.builder()
			.addTextContent(String.valueOf(structured.get("message")))
			.structuredContent(structured)
			.isError(true)
			.build();
	}
}
