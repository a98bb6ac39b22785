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
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.audit.ServedCalls;
import tech.aiqem.chimera.tools.auth.Caller;
import tech.aiqem.chimera.tools.image.GenerateImageTool;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.memory.RememberTool;
import tech.aiqem.chimera.tools.memory.SearchMemoryTool;
import tech.aiqem.chimera.tools.mentions.RecentMentionsResource;
import tech.aiqem.chimera.tools.payment.SendPaymentTool;
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
			resources.add(MentionResources.recent(platform, mentions));
		}
		// Each call runs on the servlet thread that took it (Tomcat's pool, 200 threads), not on Reactor's
		// bounded-elastic pool (10 per core: 20 calls at once on two cores, the rest queued behind them).
		McpSyncServer server = McpServer.sync(transport)
			.immediateExecution(true)
			.serverInfo("chimera-tools", "0.1.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
			.tools(tools)
			.resources(resources)
			.resourceTemplates(MentionResources.ofAgent(mentions))
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
