package tech.aiqem.chimera.tools;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Clock;
import java.time.Duration;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.toolclient.McpClientProperties;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolErrorException;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.image.OfflineImageRenderer;
import tech.aiqem.chimera.tools.payment.PaymentCommand;
import tech.aiqem.chimera.tools.payment.PaymentGateway;
import tech.aiqem.chimera.tools.payment.PaymentReceipt;
import tech.aiqem.chimera.tools.platform.sandbox.MentionFeed;
import tech.aiqem.chimera.tools.platform.sandbox.SandboxEngagement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tech.aiqem.chimera.tools.McpToolsTestSupport.call;
import static tech.aiqem.chimera.tools.McpToolsTestSupport.text;

/** The running server driven by the MCP Java SDK's client over Streamable HTTP, on real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpServerIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		McpToolsTestSupport.properties(registry);
	}

	@TestConfiguration
	static class Payments {

		@Bean
		@org.springframework.context.annotation.Primary
		RecordingGateway recordingGateway() {
			return new RecordingGateway();
		}
	}

	static final class RecordingGateway implements PaymentGateway {

		final List<PaymentCommand> commands = new CopyOnWriteArrayList<>();

		@Override
		public PaymentReceipt pay(PaymentCommand command) {
			this.commands.add(command);
			return new PaymentReceipt("0x" + "ab".repeat(32), command.payment().network(), "0x" + "11".repeat(20),
					command.payment().toAddress(), command.payment().amountUsdc(), "pending");
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordingGateway gateway;

	@Autowired
	AgentDirectory agents;

	@Autowired
	DataSource dataSource;

	static McpSyncClient client;

	@BeforeAll
	static void noClientYet() {
		client = null;
	}

	@AfterAll
	static void closeClient() {
		if (client != null) {
			client.closeGracefully();
		}
	}

	McpSyncClient client() {
		if (client == null) {
			client = McpToolsTestSupport.client(this.port);
		}
		return client;
	}

	static Map<String, Object> meta(TestAgents.Created agent, UUID task) {
		return Map.of("chimera/agent_id", agent.agent().toString(), "chimera/tenant_id", agent.tenant().toString(),
				"chimera/task_id", task.toString());
	}

	@Test
	void usesThePoolDirectlyWithoutTheJdbcObservationProxy() {
		// every statement of a tool call went through a proxy and a query observation (about 14 % of the process's
		// CPU under load); mcp-tools turns it off (application.yml), the other services keep it
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		assertThat(AopUtils.isAopProxy(this.dataSource)).isFalse();
	}

	@Test
	void listsTheToolsAndResourcesExactlyAsSpecified() throws Exception {
		// a plain mapper on both sides, so that 0.01 is the same kind of number in both trees
		JsonMapper plain = JsonMapper.builder().build();
		JsonNode expected = plain.readTree(getClass().getResourceAsStream("/spec/tools.json").readAllBytes());
		List<McpSchema.Tool> tools = client().listTools().tools();
		// only the specification's tools (src/test/resources/spec) are compared, by name: Chimera's additions (the
		// memory tools) do not count here
		List<String> specified = new ArrayList<>();
		expected.forEach(spec -> specified.add(spec.path("name").asString()));
		assertThat(specified).containsExactlyInAnyOrder("post_content", "generate_image", "send_payment");
		assertThat(tools).extracting(McpSchema.Tool::name).containsAll(specified);
		for (JsonNode spec : expected) {
			McpSchema.Tool tool = tools.stream().filter(t -> t.name().equals(spec.path("name").asString())).findFirst().orElseThrow();
			assertThat(tool.description()).isEqualTo(spec.path("description").asString());
			JsonNode served = plain.readTree(plain.writeValueAsString(tool.inputSchema()));
			assertThat(served).as("inputSchema of %s", tool.name()).isEqualTo(spec.path("inputSchema"));
		}
		JsonNode resources = ChimeraJson.tree(new String(getClass().getResourceAsStream("/spec/resources.json").readAllBytes()));
		List<McpSchema.Resource> served = client().listResources().resources();
		for (JsonNode spec : resources) {
			McpSchema.Resource resource = served.stream().filter(r -> r.uri().equals(spec.path("uri").asString())).findFirst().orElseThrow();
			assertThat(resource.name()).isEqualTo(spec.path("name").asString());
			assertThat(resource.mimeType()).isEqualTo(spec.path("mimeType").asString());
			assertThat(resource.description()).isEqualTo(spec.path("description").asString());
		}
	}

	@Test
	void postsToTheSandboxOncePerTaskWithTheDisclosureLabel() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		UUID task = TestAgents.approvePost(this.jdbc, agent, "twitter", "Habesha kemis season is here ✨", List.of());
		Map<String, Object> args = Map.of("platform", "twitter", "text_content", "Habesha kemis season is here ✨");
		McpSchema.CallToolResult first = call(client(), "post_content", args, meta(agent, task));
		assertThat(first.isError()).as(text(first)).isFalse();
		@SuppressWarnings("unchecked")
		Map<String, Object> posted = (Map<String, Object>) first.structuredContent();
		assertThat(posted.get("disclosure_level")).isEqualTo("automated");
		assertThat(posted.get("replayed")).isEqualTo(false);

		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM sandbox_posts WHERE id = ?::uuid", posted.get("post_id"));
		assertThat(row.get("text")).isEqualTo("Habesha kemis season is here ✨\n\n🤖 AI-generated #AI");
		assertThat(row.get("account")).isEqualTo(agent.handle());
		assertThat(row.get("ai_generated")).isEqualTo(true);
		assertThat(row.get("idempotency_key")).isEqualTo(task.toString());
		// the tools server's own record of the call, which the judge checks claimed tool calls against
		Map<String, Object> served = this.jdbc.queryForMap(
				"SELECT tool, caller, outcome, result_ref, length(arguments_sha256) AS hash FROM served_tool_calls WHERE task_id = ?", task);
		assertThat(served).containsEntry("tool", "post_content").containsEntry("caller", "tester").containsEntry("outcome", "ok")
			.containsEntry("result_ref", posted.get("post_id")).containsEntry("hash", 64);

		McpSchema.CallToolResult again = call(client(), "post_content", args, meta(agent, task));
		@SuppressWarnings("unchecked")
		Map<String, Object> replay = (Map<String, Object>) again.structuredContent();
		assertThat(again.isError()).isFalse();
		assertThat(replay.get("post_id")).isEqualTo(posted.get("post_id"));
		assertThat(replay.get("replayed")).isEqualTo(true);
		assertThat(count("sandbox_posts", agent)).isEqualTo(1);

		McpSchema.CallToolResult duplicate = call(client(), "post_content", args,
				meta(agent, TestAgents.approvePost(this.jdbc, agent, "twitter", "Habesha kemis season is here ✨", List.of())));
		assertThat(duplicate.isError()).isTrue();
		assertThat(text(duplicate)).contains("already posted this text as post " + posted.get("post_id"));
		assertThat(count("sandbox_posts", agent)).isEqualTo(1);
	}

	@Test
	void refusesADisclosureThePersonaDoesNotAllowAndArgumentsThatBreakTheSchema() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		McpSchema.CallToolResult none = call(client(), "post_content",
				Map.of("platform", "threads", "text_content", "Hello", "disclosure_level", "none"), meta(agent, UUID.randomUUID()));
		assertThat(none.isError()).isTrue();
		assertThat(text(none)).contains("disclosure_level \"none\" is not allowed").contains("requires \"automated\"");

		McpSchema.CallToolResult badPlatform = call(client(), "post_content",
				Map.of("platform", "myspace", "text_content", "Hello"), meta(agent, UUID.randomUUID()));
		assertThat(badPlatform.isError()).isTrue();
		assertThat(text(badPlatform)).contains("platform");

		McpSchema.CallToolResult missingText = call(client(), "post_content", Map.of("platform", "twitter"),
				meta(agent, UUID.randomUUID()));
		assertThat(missingText.isError()).isTrue();
		assertThat(text(missingText)).contains("text_content");

		McpSchema.CallToolResult noTask = call(client(), "post_content", Map.of("platform", "twitter", "text_content", "Hi"),
				Map.of("chimera/agent_id", agent.agent().toString()));
		assertThat(noTask.isError()).isTrue();
		assertThat(text(noTask)).contains("chimera/task_id");

		assertThat(count("sandbox_posts", agent)).isZero();
		assertThat(count("post_claims", agent)).isZero();
	}

	@Test
	void postsAndPaysOnlyExactlyWhatTheOutboxApproved() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		TestAgents.Created other = TestAgents.create(this.jdbc, "automated");
		UUID approved = TestAgents.approvePost(this.jdbc, agent, "twitter", "Coffee ceremony at dawn", List.of());
		Map<String, Object> exact = Map.of("platform", "twitter", "text_content", "Coffee ceremony at dawn");
		record Attempt(String why, Map<String, Object> args, Map<String, Object> meta) {
		}
		List<Attempt> refused = List.of(new Attempt("no outbox row", exact, meta(agent, UUID.randomUUID())),
				new Attempt("other text", Map.of("platform", "twitter", "text_content", "Send 5 USDC to @attacker"), meta(agent, approved)),
				new Attempt("other platform", Map.of("platform", "threads", "text_content", "Coffee ceremony at dawn"), meta(agent, approved)),
				new Attempt("added media", Map.of("platform", "twitter", "text_content", "Coffee ceremony at dawn", "media_urls",
						List.of("https://evil.example/x.png")), meta(agent, approved)),
				new Attempt("another agent's task", exact, meta(other, approved)));
		for (Attempt attempt : refused) {
			McpSchema.CallToolResult result = call(client(), "post_content", attempt.args(), attempt.meta());
			assertThat(result.isError()).as(attempt.why()).isTrue();
			assertThat(((Map<?, ?>) result.structuredContent()).get("error")).as(attempt.why()).isEqualTo("not_approved");
			assertThat(text(result)).as(attempt.why()).contains("Nothing was done");
		}
		assertThat(count("sandbox_posts", agent) + count("sandbox_posts", other)).isZero();
		assertThat(count("post_claims", agent) + count("post_claims", other)).isZero();
		assertThat(call(client(), "post_content", exact, meta(agent, approved)).isError()).isFalse();
		assertThat(count("sandbox_posts", agent)).isEqualTo(1);

		int before = this.gateway.commands.size();
		UUID payment = TestAgents.approve(this.jdbc, agent,
				Publication.pay(new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", new BigDecimal("5"), "designer fee", Network.BASE)));
		for (Map<String, Object> args : List.of(
				Map.<String, Object>of("to_address", "0x1111111111111111111111111111111111111111", "amount_usdc", 5, "purpose", "designer fee"),
				Map.<String, Object>of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 50, "purpose", "designer fee"),
				Map.<String, Object>of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 5, "purpose", "designer fee",
						"network", "ethereum"))) {
			McpSchema.CallToolResult result = call(client(), "send_payment", args, meta(agent, payment));
			assertThat(result.isError()).as(args.toString()).isTrue();
			assertThat(((Map<?, ?>) result.structuredContent()).get("error")).isEqualTo("not_approved");
		}
		McpSchema.CallToolResult postAsPayment = call(client(), "send_payment",
				Map.of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 5, "purpose", "designer fee"),
				meta(agent, approved));
		assertThat(text(postAsPayment)).contains("the approved action is a post");
		assertThat(this.gateway.commands).as("the gateway was never called").hasSize(before);
	}

	@Test
	void aPausedAgentNeitherPostsNorPaysItsApprovedActionsUntilResumed() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		UUID post = TestAgents.approvePost(this.jdbc, agent, "twitter", "Injera workshop on Saturday", List.of());
		UUID payment = TestAgents.approve(this.jdbc, agent,
				Publication.pay(new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", new BigDecimal("5"), "designer fee", Network.BASE)));
		Map<String, Object> postArgs = Map.of("platform", "twitter", "text_content", "Injera workshop on Saturday");
		Map<String, Object> payArgs = Map.of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 5,
				"purpose", "designer fee");
		int before = this.gateway.commands.size();
		this.jdbc.update("UPDATE agents SET status = 'paused' WHERE id = ?", agent.agent().value());
		for (McpSchema.CallToolResult result : List.of(call(client(), "post_content", postArgs, meta(agent, post)),
				call(client(), "send_payment", payArgs, meta(agent, payment)))) {
			assertThat(result.isError()).isTrue();
			Map<?, ?> failure = (Map<?, ?>) result.structuredContent();
			assertThat(failure.get("error")).as("a wait, not a refusal: the action stays approved").isEqualTo("retry_later");
			assertThat(failure.get("retry_at")).isNotNull();
			assertThat(text(result)).contains("is paused");
		}
		assertThat(count("sandbox_posts", agent)).isZero();
		assertThat(count("post_claims", agent)).isZero();
		assertThat(this.gateway.commands).as("the gateway was never called").hasSize(before);

		this.jdbc.update("UPDATE agents SET status = 'active' WHERE id = ?", agent.agent().value());
		assertThat(call(client(), "post_content", postArgs, meta(agent, post)).isError()).isFalse();
		assertThat(call(client(), "send_payment", payArgs, meta(agent, payment)).isError()).isFalse();
		assertThat(count("sandbox_posts", agent)).isEqualTo(1);
		assertThat(this.gateway.commands).hasSize(before + 1);
	}

	@Test
	void aSecondPostInsideTheSpacingIsQueuedWithARetryTimeNotDropped() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "assisted");
		McpSchema.CallToolResult first = call(client(), "post_content",
				Map.of("platform", "instagram", "text_content", "Morning coffee ceremony", "media_urls", List.of("https://example.com/a.png")),
				meta(agent, TestAgents.approvePost(this.jdbc, agent, "instagram", "Morning coffee ceremony",
						List.of("https://example.com/a.png"))));
		assertThat(first.isError()).as(text(first)).isFalse();
		assertThat(((Map<?, ?>) first.structuredContent()).get("text")).isEqualTo("Morning coffee ceremony\n\n#AIassisted");

		UUID task = TestAgents.approvePost(this.jdbc, agent, "instagram", "Evening market colours",
				List.of("https://example.com/b.png"));
		Map<String, Object> args = Map.of("platform", "instagram", "text_content", "Evening market colours", "media_urls",
				List.of("https://example.com/b.png"));
		McpSchema.CallToolResult second = call(client(), "post_content", args, meta(agent, task));
		assertThat(second.isError()).isTrue();
		Map<?, ?> error = (Map<?, ?>) second.structuredContent();
		assertThat(error.get("error")).isEqualTo("retry_later");
		Instant retryAt = Instant.parse((String) error.get("retry_at"));
		assertThat(retryAt).isAfter(Instant.now().plusSeconds(100));
		assertThat(text(second)).contains("queued, not dropped");

		McpSchema.CallToolResult retried = call(client(), "post_content", args, meta(agent, task));
		assertThat(((Map<?, ?>) retried.structuredContent()).get("retry_at")).isEqualTo(error.get("retry_at"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM post_claims WHERE idempotency_key = ?", String.class, task.toString()))
			.isEqualTo("reserved");
		assertThat(count("sandbox_posts", agent)).isEqualTo(1);
	}

	@Test
	void generatesTheSameCharacterForTheSameReferenceAndServesTheImage() throws Exception {
		BufferedImage cafe = image("Ethiopian coffee ceremony in a sunny cafe", "selam-01");
		BufferedImage beach = image("Walking on the beach at sunset", "selam-01");
		BufferedImage other = image("Ethiopian coffee ceremony in a sunny cafe", "dawit-02");
		assertThat(cafe.getWidth()).isEqualTo(1080);
		assertThat(cafe.getHeight()).isEqualTo(1350);
		List<Point> probes = OfflineImageRenderer.characterProbePoints(1080, 1350);
		assertThat(pixels(cafe, probes)).isEqualTo(pixels(beach, probes));
		assertThat(pixels(other, probes)).isNotEqualTo(pixels(cafe, probes));
		assertThat(cafe.getRGB(20, 20)).as("the scene follows the prompt").isNotEqualTo(beach.getRGB(20, 20));
	}

	private BufferedImage image(String prompt, String character) throws Exception {
		McpSchema.CallToolResult result = call(client(), "generate_image",
				Map.of("prompt", prompt, "character_reference_id", character), Map.of());
		assertThat(result.isError()).as(text(result)).isFalse();
		Map<?, ?> image = (Map<?, ?>) result.structuredContent();
		assertThat(image.get("aspect_ratio")).isEqualTo("4:5");
		assertThat(image.get("style")).isEqualTo("realistic");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create((String) image.get("media_url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
		return ImageIO.read(new ByteArrayInputStream(response.body()));
	}

	private static List<Integer> pixels(BufferedImage image, List<Point> points) {
		List<Integer> values = new ArrayList<>();
		for (Point p : points) {
			values.add(image.getRGB(p.x, p.y));
		}
		return values;
	}

	@Test
	void rejectsABadAddressAndANegativeAmountWithoutPaying() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		int before = this.gateway.commands.size();
		McpSchema.CallToolResult badAddress = call(client(), "send_payment",
				Map.of("to_address", "0x1234", "amount_usdc", 5, "purpose", "designer fee"), meta(agent, UUID.randomUUID()));
		assertThat(badAddress.isError()).isTrue();
		assertThat(text(badAddress)).contains("to_address");

		McpSchema.CallToolResult negative = call(client(), "send_payment",
				Map.of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", -3, "purpose", "designer fee"),
				meta(agent, UUID.randomUUID()));
		assertThat(negative.isError()).isTrue();
		assertThat(text(negative)).contains("amount_usdc");

		McpSchema.CallToolResult noPurpose = call(client(), "send_payment",
				Map.of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 3), meta(agent, UUID.randomUUID()));
		assertThat(noPurpose.isError()).isTrue();
		assertThat(text(noPurpose)).contains("purpose");

		assertThat(this.gateway.commands).hasSize(before);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)).isZero();

		UUID task = TestAgents.approve(this.jdbc, agent, Publication.pay(new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0",
				new BigDecimal("12.50"), "designer fee", Network.ETHEREUM)));
		McpSchema.CallToolResult paid = call(client(), "send_payment",
				Map.of("to_address", "0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", "amount_usdc", 12.5, "purpose", "designer fee",
						"network", "ethereum"),
				meta(agent, task));
		assertThat(paid.isError()).as(text(paid)).isFalse();
		assertThat(this.gateway.commands).hasSize(before + 1);
		PaymentCommand command = this.gateway.commands.get(before);
		assertThat(command.taskId().value()).isEqualTo(task);
		assertThat(command.payment().amountUsdc()).isEqualByComparingTo(new BigDecimal("12.5"));
		assertThat(command.payment().network()).isEqualTo(Network.ETHEREUM);
		assertThat(((Map<?, ?>) paid.structuredContent()).get("transaction_hash")).isEqualTo("0x" + "ab".repeat(32));
	}

	@Test
	void readsTheLastHoursMentionsOfTheCallingAgent() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		Instant now = Instant.now();
		insertMention(agent, "twitter", "m-recent-" + agent.handle(), "@" + agent.handle() + " Love your style!", now.minusSeconds(900));
		insertMention(agent, "twitter", "m-old-" + agent.handle(), "@" + agent.handle() + " old news", now.minusSeconds(7200));
		insertMention(agent, "threads", "m-threads-" + agent.handle(), "@" + agent.handle() + " on threads", now.minusSeconds(60));

		McpSchema.ReadResourceResult result = client().readResource(new McpSchema.ReadResourceRequest("twitter://mentions/recent",
				Map.of("chimera/agent_id", agent.agent().toString())));
		McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
		assertThat(contents.mimeType()).isEqualTo("application/json");
		JsonNode body = ChimeraJson.tree(contents.text());
		assertThat(body.path("mentions")).hasSize(1);
		JsonNode mention = body.path("mentions").path(0);
		assertThat(mention.path("id").asString()).isEqualTo("m-recent-" + agent.handle());
		assertThat(mention.path("text").asString()).isEqualTo("@" + agent.handle() + " Love your style!");
		assertThat(mention.path("author").asString()).isEqualTo("user123");
		assertThat(mention.path("engagement").path("likes").asInt()).isEqualTo(5);
		assertThat(mention.path("engagement").path("retweets").asInt()).isEqualTo(1);
		assertThat(Instant.parse(mention.path("created_at").asString())).isBefore(now);
		assertThat(Instant.parse(body.path("fetched_at").asString())).isAfterOrEqualTo(now);
	}

	@Test
	void theToolsClientWithoutAValidTokenFailsAtOnceWithAClearReason() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "assisted");
		McpClientProperties properties = new McpClientProperties(URI.create("http://localhost:" + this.port + "/mcp"),
				Duration.ofSeconds(60), Duration.ofSeconds(2), 5, Duration.ofMillis(100), Duration.ofSeconds(1),
				"a-token-this-server-never-issued-000000");
		try (ToolsClient tools = new ToolsClient(properties)) {
			ToolCallContext context = new ToolCallContext(agent.agent(), agent.tenant(), TaskId.random());
			assertThatExceptionOfType(ChimeraException.class)
				.isThrownBy(() -> tools.generateImage(context, "Rooftop fashion shoot", "selam-01", null, null))
				.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1002))
				.withMessageContaining("MCP_TOOLS_TOKEN");
		}
	}

	@Test
	void theToolsClientOfCommonInfraGetsTypedResultsAndToolErrors() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "assisted");
		insertMention(agent, "instagram", "m-ig-" + agent.handle(), "@" + agent.handle() + " gorgeous", Instant.now().minusSeconds(30));
		McpClientProperties properties = new McpClientProperties(URI.create("http://localhost:" + this.port + "/mcp"),
				Duration.ofSeconds(60), Duration.ofSeconds(2), 5, Duration.ofMillis(100), Duration.ofSeconds(1),
				McpToolsTestSupport.ALL_SCOPES_TOKEN);
		try (ToolsClient tools = new ToolsClient(properties)) {
			ToolCallContext imaging = new ToolCallContext(agent.agent(), agent.tenant(), TaskId.random());
			ToolResults.ImageResult image = tools.generateImage(imaging, "Rooftop fashion shoot", "selam-01", "anime", "16:9");
			assertThat(image.width()).isEqualTo(1280);
			assertThat(image.provider()).isEqualTo("offline");
			ToolCallContext context = new ToolCallContext(agent.agent(), agent.tenant(),
					new TaskId(TestAgents.approvePost(this.jdbc, agent, "instagram", "New drop today", List.of(image.mediaUrl()))));
			ToolResults.PostReceipt receipt = tools.postContent(context, Platform.INSTAGRAM, "New drop today", List.of(image.mediaUrl()),
					null);
			assertThat(receipt.disclosureLevel()).isEqualTo(DisclosureLevel.ASSISTED);
			assertThat(receipt.text()).endsWith("#AIassisted");
			assertThat(receipt.mediaUrls()).containsExactly(image.mediaUrl());
			assertThat(tools.postContent(context, Platform.INSTAGRAM, "New drop today", List.of(image.mediaUrl()), null).postId())
				.isEqualTo(receipt.postId());

			ToolResults.RecentMentions mentions = tools.recentMentions(context, Platform.INSTAGRAM);
			assertThat(mentions.mentions()).extracting(ToolResults.MentionItem::id).containsExactly("m-ig-" + agent.handle());

			assertThatThrownBy(() -> tools.postContent(new ToolCallContext(agent.agent(), agent.tenant(), TaskId.random()),
					Platform.TWITTER, "Hi", List.of(), DisclosureLevel.NONE))
				.isInstanceOfSatisfying(ToolErrorException.class, ex -> {
					assertThat(ex.reason()).isEqualTo("disclosure_not_allowed");
					assertThat(ex.getMessage()).contains("requires \"assisted\"");
				});
		}
	}

	@Test
	void sandboxEngagementAndFollowersMoveWithTimeAndTheSeededFeedAddsMentions() {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "automated");
		McpSchema.CallToolResult posted = call(client(), "post_content",
				Map.of("platform", "twitter", "text_content", "Which kemis colour should I wear to the festival?"),
				meta(agent, TestAgents.approvePost(this.jdbc, agent, "twitter", "Which kemis colour should I wear to the festival?",
						List.of())));
		assertThat(posted.isError()).as(text(posted)).isFalse();
		String postId = (String) ((Map<?, ?>) posted.structuredContent()).get("post_id");

		new SandboxEngagement(this.jdbc, Clock.offset(Clock.systemUTC(), Duration.ofHours(6))).run();
		long likesAt6h = this.jdbc.queryForObject("SELECT likes FROM sandbox_posts WHERE id = ?::uuid", Long.class, postId);
		new SandboxEngagement(this.jdbc, Clock.offset(Clock.systemUTC(), Duration.ofHours(24))).run();
		long likesAt24h = this.jdbc.queryForObject("SELECT likes FROM sandbox_posts WHERE id = ?::uuid", Long.class, postId);
		assertThat(likesAt6h).isPositive();
		assertThat(likesAt24h).isGreaterThan(likesAt6h);
		Map<String, Object> account = this.jdbc.queryForMap("SELECT base_followers, followers FROM sandbox_accounts WHERE account = ? AND platform = 'twitter'",
				agent.handle());
		assertThat((Long) account.get("followers")).isEqualTo((Long) account.get("base_followers") + likesAt24h / 40);

		MentionFeed feed = new MentionFeed(this.jdbc, this.agents, Clock.systemUTC(), 3);
		feed.run();
		String seeded = "SELECT count(*) FROM sandbox_mentions WHERE agent_id = ? AND source = 'seeded'";
		int count = this.jdbc.queryForObject(seeded, Integer.class, agent.agent().value());
		assertThat(count).isGreaterThanOrEqualTo(3);
		feed.run();
		assertThat(this.jdbc.queryForObject(seeded, Integer.class, agent.agent().value())).isEqualTo(count);
		int recent = this.jdbc.queryForObject(seeded + " AND platform = 'twitter' AND created_at > now() - interval '1 hour'",
				Integer.class, agent.agent().value());
		McpSchema.ReadResourceResult result = client().readResource(new McpSchema.ReadResourceRequest("twitter://mentions/recent",
				Map.of("chimera/agent_id", agent.agent().toString())));
		JsonNode body = ChimeraJson.tree(((McpSchema.TextResourceContents) result.contents().get(0)).text());
		assertThat(body.path("mentions")).hasSize(recent);
		for (JsonNode mention : body.path("mentions")) {
			assertThat(mention.path("text").asString()).startsWith("@" + agent.handle());
		}
	}

	private void insertMention(TestAgents.Created agent, String platform, String id, String text, Instant at) {
		this.jdbc.update("""
				INSERT INTO sandbox_mentions (agent_id, platform, account, external_id, author, text, created_at, likes, retweets, source)
				VALUES (?, ?, ?, ?, 'user123', ?, ?, 5, 1, 'injected')
				""", agent.agent().value(), platform, agent.handle(), id, text, Timestamp.from(at));
	}

	private int count(String table, TestAgents.Created agent) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE agent_id = ?", Integer.class, agent.agent().value());
	}
}
