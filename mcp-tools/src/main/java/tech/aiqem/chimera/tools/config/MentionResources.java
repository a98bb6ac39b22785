package tech.aiqem.chimera.tools.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.agent.UnknownAgentException;
import tech.aiqem.chimera.tools.auth.Caller;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.mentions.RecentMentionsResource;
import tech.aiqem.chimera.tools.platform.PlatformException;

/**
 * The mentions resources of the MCP server: {@code <platform>://mentions/recent} for the agent named in the
 * call's metadata (the specification's), and {@value #AGENT_MENTIONS_TEMPLATE} for callers with a tenant key.
 */
final class MentionResources {

	private MentionResources() {
	}

	/** The caller, when it may read mentions. */
	private static Caller reader(McpTransportContext context, String uri) {
		Caller caller = Caller.of(context);
		if (caller == null || !caller.may(Caller.READ_MENTIONS)) {
			throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
				.message(uri + ": forbidden, the caller may not read mentions")
				.build();
		}
		return caller;
	}

	/** The recent mentions of the agent named in the call's metadata on one platform (callers with a service token). */
	static SyncResourceSpecification recent(Platform platform, RecentMentionsResource mentions) {
		String label = switch (platform) {
			case TWITTER -> "Twitter";
			case INSTAGRAM -> "Instagram";
			case THREADS -> "Threads";
		};
		McpSchema.Resource resource = McpSchema.Resource.builder()
			.uri(RecentMentionsResource.uri(platform))
			.name("Recent " + label + " Mentions")
			.mimeType("application/json")
			.description("Returns mentions from last 1 hour")
			.build();
		return new SyncResourceSpecification(resource, (exchange, request) -> {
			Caller caller = reader(exchange.transportContext(), resource.uri());
			if (caller.isTenantKey()) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
					.message(resource.uri() + ": with an API key, name the agent in the URI: " + AGENT_MENTIONS_TEMPLATE)
					.build();
			}
			try {
				String body = mentions.read(platform, CallContext.from(request.meta()));
				return new McpSchema.ReadResourceResult(
						List.of(new McpSchema.TextResourceContents(resource.uri(), "application/json", body)));
			}
			catch (ToolError | UnknownAgentException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(resource.uri() + ": " + ex.getMessage()).build();
			}
			catch (PlatformException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
					.message(resource.uri() + ": " + ex.getMessage())
					.data(ex.retryAt() == null ? null : Map.of("retry_at", ex.retryAt().toString()))
					.build();
			}
		});
	}

	static final String AGENT_MENTIONS_TEMPLATE = "chimera://agents/{agent_id}/mentions/{platform}";

	private static final Pattern AGENT_MENTIONS = Pattern
		.compile("chimera://agents/([0-9a-fA-F-]{36})/mentions/([a-z]+)");

	/** Mentions of the agent named in the URI; a tenant API key reads only its own tenant's agents. */
	static SyncResourceTemplateSpecification ofAgent(RecentMentionsResource mentions) {
		McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
			.uriTemplate(AGENT_MENTIONS_TEMPLATE)
			.name("An agent's recent mentions")
			.mimeType("application/json")
			.description("Returns the agent's mentions on the platform (twitter, instagram, threads) from the last hour")
			.build();
		return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
			Caller caller = reader(exchange.transportContext(), request.uri());
			Matcher uri = AGENT_MENTIONS.matcher(request.uri());
			Platform platform;
			AgentId agent;
			try {
				if (!uri.matches()) {
					throw new IllegalArgumentException("expected " + AGENT_MENTIONS_TEMPLATE);
				}
				agent = AgentId.of(uri.group(1));
				platform = Platform.of(uri.group(2));
			}
			catch (IllegalArgumentException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(request.uri() + ": " + ex.getMessage()).build();
			}
			try {
				String body = mentions.read(platform, agent, caller.tenant());
				return new McpSchema.ReadResourceResult(
						List.of(new McpSchema.TextResourceContents(request.uri(), "application/json", body)));
			}
			catch (ToolError | UnknownAgentException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(request.uri() + ": " + ex.getMessage()).build();
			}
			catch (PlatformException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(request.uri() + ": " + ex.getMessage()).build();
			}
		});
	}
}
