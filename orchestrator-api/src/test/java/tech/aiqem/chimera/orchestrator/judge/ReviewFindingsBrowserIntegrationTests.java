package tech.aiqem.chimera.orchestrator.judge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.FindingsWire;
import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.Verdict;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.orchestrator.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue in headless Chromium shows why an escalated item is there: the judge's findings (as
 * judge-core produced them for the item's text) listed, and the offending words marked in the text; the
 * agent page's "try a post" box answers from the preview endpoint. Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chimera.orchestrator.auth.admin-password=browser-test-password" })
class ReviewFindingsBrowserIntegrationTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String TEXT = "New Habesha kemis drop! Styled with a Shein belt, and the election can wait.";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JudgeCore judge;

	@Test
	void theQueueShowsTheFindingsWithTheOffendingWordsMarked(@TempDir Path profile) throws Exception {
		String agentId = createAgent();
		escalate(UUID.fromString(agentId));
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1366,1000", "--lang=en-GB");
		ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort().build(), options);
		try {
			driver.get("http://localhost:" + this.port + "/");
			visible(driver, "#login-form input[name=email]").sendKeys("admin@chimera.local");
			visible(driver, "#login-form input[name=password]").sendKeys("browser-test-password");
			visible(driver, "#login-form button[type=submit]").click();
			visible(driver, "#topbar");
			driver.executeScript("location.hash = '#/review'");
			// the page re-renders as the live queue refreshes: read each element within one retried step
			assertThat(read(driver, "#review-text mark.finding-mark[data-code=unapproved_brand]", e -> e.getText() + " | " + e.getAttribute("title")))
				.startsWith("Shein | ").contains("not on the persona's approved brand list");
			assertThat(read(driver, "#review-text mark.finding-mark[data-code=forbidden_topic]", WebElement::getText)).isEqualTo("election");
			String reasons = read(driver, "#review-findings", WebElement::getText);
			assertThat(reasons).contains("unapproved_brand").contains("Shein").contains("forbidden_topic").contains("politics");
			screenshot(driver, "review-queue-findings");

			driver.executeScript("location.hash = arguments[0]", "#/agents/" + agentId);
			visible(driver, "#try-text").sendKeys("Order your kemis on +44 7400 123456 today");
			visible(driver, "#try-submit").click();
			assertThat(read(driver, "#try-decision", WebElement::getText)).isEqualTo("reject");
			assertThat(read(driver, "#try-text-marked mark[data-code=private_phone]", WebElement::getText)).isEqualTo("+44 7400 123456");
			screenshot(driver, "agent-try-a-post");
		}
		finally {
			driver.quit();
		}
	}

	private static WebElement visible(WebDriver driver, String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	private static String read(WebDriver driver, String css, java.util.function.Function<WebElement, String> what) {
		return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().map(what).orElse(null));
	}

	private static void screenshot(ChromeDriver driver, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(file)).isGreaterThan(10_000);
	}

	private String createAgent() {
		String soul = JudgePreviewIntegrationTests.SOUL;
		return RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.apiKey(this.jdbc, "default", "operator")).build()
			.post().uri("/v1/agents").contentType(MediaType.APPLICATION_JSON)
			.body(ChimeraJson.write(Map.of("name", "Selam Browser", "persona_file",
					Base64.getEncoder().encodeToString(soul.getBytes(StandardCharsets.UTF_8)))))
			.retrieve().toEntity(String.class).getBody().replaceAll("(?s).*\"agent_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	/** What the judge service writes for an escalated result: the review row with judge-core's findings. */
	private void escalate(UUID agent) {
		UUID tenant = TestKeys.tenant(this.jdbc, "default");
		TaskOutput output = new TaskOutput("twitter_post", TEXT, null, null, null, DisclosureLevel.AUTOMATED, null, null, "offline", true);
		ResultMessage result = new ResultMessage(TaskId.random(), new AgentId(agent), output, new java.math.BigDecimal("0.95"), "",
				List.of(), Instant.now(), "worker-1", null, null, null, null);
		Verdict verdict = this.judge.decide(new Draft(TaskType.CONTENT_GENERATION, new TaskContext("Create a twitter post", List.of(), List.of()),
				result, SoulMarkdown.parse(JudgePreviewIntegrationTests.SOUL), java.util.Set.of(), java.util.Set.of()),
				new java.math.BigDecimal("0.90"), true);
		assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.HUMAN_REVIEW);
		UUID campaign = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts, started_at)
				VALUES (:id, :tenant, :agent, 'Summer', CAST('{"text":"summer"}' AS jsonb), 'active', 14, 3, 42, now())
				""").param("id", campaign).param("tenant", tenant).param("agent", agent).update();
		UUID task = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, result,
				                   state_version, goals_revision, scheduled_at, created_at)
				VALUES (:id, :campaign, :agent, :tenant, 'content_generation', 'medium', 'review', CAST('{}' AS jsonb),
				        CAST(:result AS jsonb), 0, 1, now(), now())
				""").param("id", task).param("campaign", campaign).param("agent", agent).param("tenant", tenant)
			.param("result", ChimeraJson.write(output)).update();
		this.jdbc.sql("""
				INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, reasoning_trace, reason_code,
				                          review_deadline, findings)
				VALUES (:task, :tenant, :agent, CAST(:content AS jsonb), :confidence, :reasoning, 'E1006', now() + interval '4 hours',
				        CAST(:findings AS jsonb))
				""").param("task", task).param("tenant", tenant).param("agent", agent)
			.param("content", ChimeraJson.write(Map.of("text", TEXT, "platform", "twitter")))
			.param("confidence", verdict.confidence()).param("reasoning", verdict.reasoning())
			.param("findings", ChimeraJson.write(FindingsWire.of(verdict.findings()))).update();
	}
}
