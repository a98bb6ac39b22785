package tech.aiqem.chimera.tools.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.agent.UnknownAgentException;
import tech.aiqem.chimera.tools.audit.ServedCalls;
import tech.aiqem.chimera.tools.auth.Caller;
import tech.aiqem.chimera.tools.image.GenerateImageTool;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.memory.RememberTool;
import tech.aiqem.chimera.tools.memory.SearchMemoryTool;
import tech.aiqem.chimera.tools.mentions.RecentMentionsResource;
import tech.aiqem.chimera.tools.payment.SendPaymentTool;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.post.PostContentTool;

/**
 * The MCP server: Streamable HTTP at {@code /mcp}, the specified tools and resources (JSON definitions under
 * {@code tools/} on the classpath), plus Chimera's memory tools {@code search_memory} and {@code remember}.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

	static final String ENDPOINT = "/mcp";

	private static final Logger log = LoggerFactory.getLogger(McpServerConfiguration.class);

	@Bean
	HttpServletStreamableServerTransportProvider mcpTransport(ToolsProperties properties) {
		return HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(McpJsonDefaults.getMapper())
			.mcpEndpoint(ENDPOINT)
			.contextExtractor(Caller.extractor())
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedOrigins(properties.auth().allowedOrigins())
				.build())
			.build();
	}

	@Bean
	ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
			HttpServletStreamableServerTransportProvider transport) {
		ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(
				transport, ENDPOINT);
		registration.setAsyncSupported(true);
		registration.setName("mcp");
		return registration;
	}

	@Bean(destroyMethod = "closeGracefully")
	McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, PostContentTool post,
			GenerateImageTool image, SendPaymentTool payment, RecentMentionsResource mentions, SearchMemoryTool searchMemory,
			RememberTool remember, ServedCalls served) {
		McpJsonMapper json = McpJsonDefaults.getMapper();
		List<SyncToolSpecification> tools = List.of(
				tool(json, PostContentTool.NAME, post::call, served),
				tool(json, GenerateImageTool.NAME, image::call, served),
				tool(json, SendPaymentTool.NAME, payment::call, served),
				// Chimera additions beyond the specification's tools: semantic memory hosted here for every service
				tool(json, SearchMemoryTool.NAME, searchMemory::call, served),
				tool(json, RememberTool.NAME, remember::call, served));
		List<SyncResourceSpecification> resources = new ArrayList<>();
		for (Platform platform : Platform.values()) {
			resources.add(mentionsResource(platform, mentions));
		}
		McpSyncServer server = McpServer.sync(transport)
			.serverInfo("chimera-tools", "0.1.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
			.tools(tools)
			.resources(resources)
			.resourceTemplates(agentMentionsTemplate(mentions))
			.build();
		log.info("MCP server at {}: tools {}, resources {}", ENDPOINT,
				tools.stream().map(t -> t.tool().name()).toList(), resources.stream().map(r -> r.resource().uri()).toList());
		return server;
	}

	private static SyncToolSpecification tool(McpJsonMapper json, String name,
			java.util.function.BiFunction<CallContext, Map<String, Object>, Map<String, Object>> handler, ServedCalls served) {
		Map<String, Object> definition = definition(json, name);
		@SuppressWarnings("unchecked")
		Map<String, Object> schema = (Map<String, Object>) definition.get("inputSchema");
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name(name)
			.description((String) definition.get("description"))
			.inputSchema(schema)
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> ToolCalls.invoke(name, Caller.of(exchange.transportContext()), request, handler,
					served))
			.build();
	}

	private static SyncResourceSpecification mentionsResource(Platform platform, RecentMentionsResource mentions) {
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
			Caller caller = Caller.of(exchange.transportContext());
			if (caller == null || !caller.may(Caller.READ_MENTIONS)) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
					.message(resource.uri() + ": forbidden, the caller may not read mentions")
					.build();
			}
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

	private static final java.util.regex.Pattern AGENT_MENTIONS = java.util.regex.Pattern
		.compile("chimera://agents/([0-9a-fA-F-]{36})/mentions/([a-z]+)");

	/** Mentions of the agent named in the URI; a tenant API key reads only its own tenant's agents. */
	private static SyncResourceTemplateSpecification agentMentionsTemplate(RecentMentionsResource mentions) {
		McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
			.uriTemplate(AGENT_MENTIONS_TEMPLATE)
			.name("An agent's recent mentions")
			.mimeType("application/json")
			.description("Returns the agent's mentions on the platform (twitter, instagram, threads) from the last hour")
			.build();
		return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
			Caller caller = Caller.of(exchange.transportContext());
			if (caller == null || !caller.may(Caller.READ_MENTIONS)) {
				throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
					.message(request.uri() + ": forbidden, the caller may not read mentions")
					.build();
			}
			java.util.regex.Matcher uri = AGENT_MENTIONS.matcher(request.uri());
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

	static Map<String, Object> definition(McpJsonMapper json, String name) {
		try (InputStream in = new ClassPathResource("tools/" + name + ".json").getInputStream()) {
			return json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), new TypeRef<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("missing tool definition tools/" + name + ".json", ex);
		}
	}
}
