package tech.aiqem.chimera.toolclient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.ToolFailure;
import tech.aiqem.chimera.model.WireEnum;
import tech.aiqem.chimera.model.message.Payment;

import tools.jackson.databind.JsonNode;

/**
 * Calls mcp-tools. Connects on first use (a service starts even when mcp-tools is not up yet); a call
 * that cannot reach the server is retried with exponential backoff and, after {@code attempts} failures,
 * fails with {@link ChimeraException} E1002. Calls are safe to retry because mcp-tools is idempotent on
 * the task id. A tool that answers with an error raises {@link ToolErrorException}, never retried here.
 */
public class ToolsClient implements AutoCloseable {

	private final McpConnection connection;

	public ToolsClient(McpClientProperties properties) {
		this(properties, duration -> Thread.sleep(duration.toMillis()));
	}

	ToolsClient(McpClientProperties properties, McpConnection.Sleeper sleeper) {
		this.connection = new McpConnection(properties, sleeper);
	}

	public ToolResults.PostReceipt postContent(ToolCallContext context, Platform platform, String text, List<String> mediaUrls,
			DisclosureLevel disclosure) {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("platform", platform.wire());
		args.put("text_content", text);
		if (mediaUrls != null && !mediaUrls.isEmpty()) {
			args.put("media_urls", mediaUrls);
		}
		if (disclosure != null) {
			args.put("disclosure_level", disclosure.wire());
		}
		return call("post_content", context, args, ToolResults.PostReceipt.class);
	}

	/** {@code style} (realistic, anime, artistic) and {@code aspectRatio} (1:1, 4:5, 16:9) may be null for the defaults. */
	public ToolResults.ImageResult generateImage(ToolCallContext context, String prompt, String characterReferenceId,
			String style, String aspectRatio) {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("prompt", prompt);
		args.put("character_reference_id", characterReferenceId);
		if (style != null) {
			args.put("style", style);
		}
		if (aspectRatio != null) {
			args.put("aspect_ratio", aspectRatio);
		}
		return call("generate_image", context, args, ToolResults.ImageResult.class);
	}

	public ToolResults.PaymentResult sendPayment(ToolCallContext context, Payment payment) {
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("to_address", payment.toAddress());
		args.put("amount_usdc", payment.amountUsdc());
		args.put("purpose", payment.purpose());
		args.put("network", payment.network().wire());
		return call("send_payment", context, args, ToolResults.PaymentResult.class);
	}

	/**
	 * The calling agent's memories closest in meaning to {@code query}, weighted by recency and importance
	 * (the {@code search_memory} tool; the context needs agent and tenant).
	 * @param type only this kind of memory, or null for all
	 * @param limit 1..20
	 * @param sinceDays only memories of the last this many days (campaign time), or null for all
	 */
	public List<ToolResults.FoundMemory> searchMemory(ToolCallContext context, String query, MemoryType type, int limit,
			Integer sinceDays) {
		return searchMemory(context, query, type, limit, sinceDays, MemoryRanking.RELEVANCE);
	}

	/** As {@link #searchMemory(ToolCallContext, String, MemoryType, int, Integer)}, ordered by {@code ranking}. */
	public List<ToolResults.FoundMemory> searchMemory(ToolCallContext context, String query, MemoryType type, int limit,
			Integer sinceDays, MemoryRanking ranking) {
		requireTenant(context, "search_memory");
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("query", query);
		if (type != null) {
			args.put("memory_type", type.wire());
		}
		args.put("limit", limit);
		if (sinceDays != null) {
			args.put("since_days", sinceDays);
		}
		if (ranking != null && ranking != MemoryRanking.RELEVANCE) {
			args.put("rank_by", ranking.wire());
		}
		return call("search_memory", context, args, ToolResults.MemorySearch.class).memories();
	}

	/**
	 * Stores a memory of the calling agent (the {@code remember} tool) and returns its id. With a task id in
	 * the context the id is derived from task and type, so a retried call stores the memory once.
	 * @param importance 0..1
	 * @param memoryContext optional metadata: platform, task_id, post_id, source (values sent as text)
	 */
	public String remember(ToolCallContext context, String content, MemoryType type, double importance,
			Map<String, Object> memoryContext) {
		requireTenant(context, "remember");
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("content", content);
		if (type != null) {
			args.put("memory_type", type.wire());
		}
		args.put("importance", importance);
		if (memoryContext != null && !memoryContext.isEmpty()) {
			Map<String, Object> values = new LinkedHashMap<>();
			memoryContext.forEach((key, value) -> {
				if (value != null) {
					values.put(key, value instanceof WireEnum wire ? wire.wire() : value.toString());
				}
			});
			args.put("context", values);
		}
		return call("remember", context, args, ToolResults.Remembered.class).memoryId();
	}

	private static void requireTenant(ToolCallContext context, String tool) {
		if (context.tenant() == null) {
			throw new IllegalArgumentException(tool + " needs the tenant in the call context: memories are per tenant");
		}
	}

	/** The agent's mentions of the last hour on one platform ({@code <platform>://mentions/recent}). */
	public ToolResults.RecentMentions recentMentions(ToolCallContext context, Platform platform) {
		String uri = platform.wire() + "://mentions/recent";
		McpSchema.ReadResourceResult result = withRetry("read " + uri, client -> {
			try {
				return client.readResource(new McpSchema.ReadResourceRequest(uri, context.meta()));
			}
			catch (McpError ex) {
				throw new ToolErrorException(uri, ToolFailure.of(ToolFailure.Reason.RESOURCE_ERROR, String.valueOf(ex.getMessage())));
			}
		});
		if (result.contents().isEmpty() || !(result.contents().get(0) instanceof McpSchema.TextResourceContents text)) {
			throw new ToolErrorException(uri,
					ToolFailure.of(ToolFailure.Reason.UNEXPECTED_CONTENT, uri + " answered without JSON text"));
		}
		return ChimeraJson.read(text.text(), ToolResults.RecentMentions.class);
	}

	/** The names of the tools the server offers (a cheap health check of the MCP path). */
	public List<String> toolNames() {
		return withRetry("list tools", client -> client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
	}

	private <T> T call(String tool, ToolCallContext context, Map<String, Object> args, Class<T> type) {
		McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder(tool).arguments(args).meta(context.meta()).build();
		McpSchema.CallToolResult result = withRetry(tool, client -> {
			try {
				return client.callTool(request);
			}
			catch (McpError ex) {
				throw new ToolErrorException(tool, ToolFailure.of(ToolFailure.Reason.PROTOCOL_ERROR, tool + ": " + ex.getMessage()));
			}
		});
		JsonNode structured = structured(result);
		if (Boolean.TRUE.equals(result.isError())) {
			String message = text(result);
			Map<String, Object> fields = ChimeraJson.mapper().convertValue(structured, Map.class);
			throw new ToolErrorException(tool, ToolFailure.fromStructured(fields, message.isBlank() ? tool + " failed" : message));
		}
		return ChimeraJson.mapper().treeToValue(structured, type);
	}

	private static JsonNode structured(McpSchema.CallToolResult result) {
		if (result.structuredContent() != null) {
			return ChimeraJson.mapper().valueToTree(result.structuredContent());
		}
		String text = text(result);
		try {
			return ChimeraJson.tree(text);
		}
		catch (RuntimeException ex) {
			return ChimeraJson.mapper().createObjectNode();
		}
	}

	private static String text(McpSchema.CallToolResult result) {
		StringBuilder text = new StringBuilder();
		for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
			if (content instanceof McpSchema.TextContent part) {
				text.append(part.text());
			}
		}
		return text.toString();
	}

	private <T> T withRetry(String what, Function<McpSyncClient, T> call) {
		return this.connection.withRetry(what, call);
	}

	@Override
	public void close() {
		this.connection.close();
	}
}
