package tech.aiqem.chimera.local.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tech.aiqem.chimera.local.RunningChimera;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator dashboard in headless Chromium against the running system (every service as a child
 * process, the offline model, campaign time 2880x real time, and a confidence threshold of 0.99 so that
 * most results wait for a human): create an agent and a campaign through the forms (and see the API's
 * errors next to the fields), watch tasks flow on the Pipeline page, approve one review and reject
 * another with the keyboard, and find the approved post on the agent's timeline with its metrics
 * changed. Saves a screenshot of every page at laptop and phone width under target/screenshots.
 */
class DashboardBrowserIntegrationTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String ADMIN_EMAIL = "admin@chimera.local";

	static final String ADMIN_PASSWORD = "dashboard-test-" + Long.toHexString(System.nanoTime());

	/** Written the way people write personas (no approved brands: the agent page shows that warning). */
	static final String SOUL = """
			# Selam Style

			## Who she is
			A Gen-Z fashion voice from Addis Ababa.

			## How she talks
			- Warm and upbeat
			- Short sentences

			## What she posts about
			- Ethiopian fashion
			- Sustainable design

			## Never
			- politics

			## Being honest about AI
			Always says she is an AI.
			""";

	@Test
	void operatorCreatesAgentAndCampaignReviewsWithTheKeyboardAndSeesThePostPublished(@TempDir Path temp) throws Exception {
		Path goodSoul = Files.writeString(temp.resolve("SOUL.md"), SOUL);
		// Only what cannot be a persona is refused: a file that starts like JSON and is not.
		Path badSoul = Files.writeString(temp.resolve("BAD-SOUL.json"), "{\"name\": \"Selam\", \"bio\": [");
		Map<String, String> env = Map.of("HITL_CONFIDENCE_THRESHOLD", "0.99", "CHIMERA_ADMIN_EMAIL", ADMIN_EMAIL,
				"CHIMERA_ADMIN_PASSWORD", ADMIN_PASSWORD);
		try (RunningChimera chimera = RunningChimera.start(temp.resolve("data"), 2880, env);
				Browser browser = new Browser(temp.resolve("profile"), SCREENSHOTS)) {
			browser.open(chimera.url() + "/");
			signInWhenAsked(browser);

			browser.visible("#agents");
			browser.page("01-fleet-empty-laptop");
			String agentId = createAgent(browser, badSoul, goodSoul);
			createCampaign(browser, agentId);
			browser.page("05-fleet-laptop");

			browser.go("#/pipeline", "#task-statuses");
			browser.waitFor("tasks on the Pipeline page", Duration.ofSeconds(90),
					d -> sum(browser.all("#task-statuses .bar-value")) > 0 && sum(browser.all("#queue-depths .bar-value")) >= 0);
			browser.waitFor("tasks reaching review or completion", Duration.ofSeconds(90),
					d -> value(browser, "#task-statuses li[data-key=review] .bar-value")
							+ value(browser, "#task-statuses li[data-key=complete] .bar-value") > 0);
			browser.page("06-pipeline-laptop");

			long postsBefore = postsOverTwoWeeks(browser, agentId);
			Decided decided = reviewWithTheKeyboard(browser);
			Map<String, Object> approvedTask = fetch(browser, "/v1/tasks/" + decided.approvedTaskId());
			assertThat(approvedTask.get("approved_by")).isEqualTo("human");
			Map<String, Object> rejectedTask = fetch(browser, "/v1/tasks/" + decided.rejectedTaskId());
			assertThat(rejectedTask.get("status")).isEqualTo("failed");
			assertThat((String) rejectedTask.get("error_message")).startsWith("rejected by ");

			browser.go("#/agents/" + agentId, "#timeline");
			String excerpt = decided.approvedText().substring(0, Math.min(40, decided.approvedText().length()));
			browser.waitFor("the approved post on the timeline", Duration.ofSeconds(90),
					d -> browser.all("#timeline .post-text").stream().anyMatch(p -> p.getText().contains(excerpt)));
			browser.waitFor("the posts metric to count it", Duration.ofSeconds(30),
					d -> Long.parseLong(browser.text("#posts-total").replace(",", "")) > postsBefore);
			assertThat(browser.all("#timeline .badge-offline")).as("offline model badge").isNotEmpty();
			assertThat(browser.all("#charts svg.chart")).hasSize(4);
			assertThat(browser.textOf(".persona-warnings")).contains("no approved brands: every brand mention will be escalated");
			browser.visible("#wallet");
			browser.page("09-agent-laptop");

			phoneScreenshots(browser, agentId);
		}
	}

	private static void signInWhenAsked(Browser browser) {
		browser.waitFor("the login form or the dashboard", d -> !browser.all("#login-form").isEmpty()
				|| browser.all("#topbar").stream().anyMatch(WebElement::isDisplayed));
		long me = status(browser, "/v1/auth/me");
		if (me == 404) {
			// No authentication configured yet: the dashboard goes straight in.
			assertThat(browser.all("#login-form")).isEmpty();
			return;
		}
		if (me == 401) {
			browser.page("00-login-laptop");
			browser.type("#login-form input[name=email]", ADMIN_EMAIL);
			browser.type("#login-form input[name=password]", ADMIN_PASSWORD);
			browser.click("#login-form button[type=submit]");
		}
		browser.visible("#topbar");
		assertThat(status(browser, "/v1/auth/me")).isEqualTo(200);
		browser.visible("#logout");
	}

	private static String createAgent(Browser browser, Path badSoul, Path goodSoul) {
		browser.click("#new-agent");
		browser.type("#agent-form [data-field=name]", "Selam Style");
		browser.visible("#agent-form input[type=file]").sendKeys(badSoul.toString());
		browser.click("#agent-form button[type=submit]");
		assertThat(browser.textOf(".field-error[data-for=persona_file]")).contains("not valid JSON");
		browser.page("02-agent-form-invalid-soul-laptop");

		browser.driver.findElement(By.cssSelector("#agent-form input[type=file]")).sendKeys(goodSoul.toString());
		browser.type("#agent-form [data-field='budget.daily_usd']", "-5");
		browser.click("#agent-form button[type=submit]");
		assertThat(browser.textOf(".field-error[data-for='budget.daily_usd']")).isEqualTo("must not be negative");
		assertThat((Boolean) browser.driver.executeScript(
				"return document.querySelector('.field-error[data-for=persona_file]').getClientRects().length === 0")).isTrue();
		browser.page("03-agent-form-negative-budget-laptop");

		browser.type("#agent-form [data-field='budget.daily_usd']", "50");
		browser.type("#agent-form [data-field='social_accounts[twitter].username']", "selam_style");
		browser.click("#agent-form button[type=submit]");
		browser.visible("#agents [data-agent-name='Selam Style']");
		browser.waitFor("the agent dialog to close", d -> !d.findElement(By.cssSelector("#agent-form")).isDisplayed());
		return browser.attribute("#agents [data-agent-name='Selam Style']", "data-agent-id");
	}

	private static void createCampaign(Browser browser, String agentId) {
		browser.click("#new-campaign");
		new Select(browser.visible("#campaign-form [data-field=agent_id]")).selectByValue(agentId);
		browser.type("#campaign-form [data-field=name]", "Summer Collection");
		browser.type("#campaign-form [data-field=goals]", "Promote Ethiopian fashion designers and the summer collection, 12 posts a day");
		browser.type("#campaign-form [data-field=budget_daily_usd]", "-1");
		browser.click("#campaign-form button[type=submit]");
		assertThat(browser.textOf(".field-error[data-for=budget_daily_usd]")).isEqualTo("must not be negative");
		browser.page("04-campaign-form-negative-budget-laptop");
		browser.type("#campaign-form [data-field=budget_daily_usd]", "20");
		browser.click("#campaign-form button[type=submit]");
		browser.waitFor("the campaign dialog to close", d -> !d.findElement(By.cssSelector("#campaign-form")).isDisplayed());
	}

	record Decided(String approvedTaskId, String approvedText, String rejectedTaskId) {
	}

	/** j/k move, e opens the editor and Esc closes it, a + Enter approves, r + Enter rejects: all from the keyboard. */
	private static Decided reviewWithTheKeyboard(Browser browser) {
		browser.go("#/review", "#queue");
		browser.waitFor("two items to review", Duration.ofSeconds(120), d -> browser.all("#queue .queue-item").size() >= 2);
		browser.visible("#review-text");
		browser.visible("#shortcuts");
		browser.page("07-review-laptop");

		String first = selectedReview(browser);
		browser.press("j");
		browser.waitFor("j to select the next item", d -> !selectedReview(browser).equals(first));
		browser.press("k");
		browser.waitFor("k to select the first item again", d -> selectedReview(browser).equals(first));

		browser.press("e");
		browser.visible("#edit-text");
		browser.press(Keys.ESCAPE);
		browser.waitFor("Esc to close the editor", d -> browser.all("#edit-text").isEmpty());

		assertProposedImagesLoad(browser);
		Map<String, Object> approved = queueItem(browser, first);
		browser.press("a");
		browser.visible(".confirm-approve #confirm");
		browser.page("08-review-confirm-laptop");
		browser.press(Keys.ENTER);
		browser.waitFor("the approved item to leave the queue", d -> browser.all("#queue [data-review-id='" + first + "']").isEmpty());

		browser.waitFor("the next item to be selected", d -> !selectedReview(browser).isEmpty());
		String second = selectedReview(browser);
		Map<String, Object> rejected = queueItem(browser, second);
		browser.press("r");
		browser.visible(".confirm-reject #confirm");
		browser.press(Keys.ENTER);
		browser.waitFor("the rejected item to leave the queue", d -> browser.all("#queue [data-review-id='" + second + "']").isEmpty());

		@SuppressWarnings("unchecked")
		String text = (String) ((Map<String, Object>) approved.get("content")).get("text");
		return new Decided((String) approved.get("task_id"), text, (String) rejected.get("task_id"));
	}

	/** The selected review's id, read in one script call: the queue re-renders on live updates. */
	/** Images proposed with posts are served at the URL they carry (they were .../media/media/..., a 404). */
	@SuppressWarnings("unchecked")
	private static void assertProposedImagesLoad(Browser browser) {
		List<String> urls = browser.waitFor("a review proposing an image", Duration.ofSeconds(120), d -> {
			List<Map<String, Object>> items = (List<Map<String, Object>>) fetch(browser, "/v1/hitl/queue?limit=500").get("items");
			List<String> found = items.stream()
				.map(i -> (String) ((Map<String, Object>) i.get("content")).get("image_url"))
				.filter(u -> u != null && !u.isBlank())
				.toList();
			return found.isEmpty() ? null : found;
		});
		for (String url : urls.subList(0, Math.min(3, urls.size()))) {
			assertThat(url).doesNotContain("/media/media/");
			assertThat(browser.imageWidth(url)).as("width of " + url).isPositive();
		}
	}

	private static String selectedReview(Browser browser) {
		String id = browser.attribute("#queue [aria-selected=true]", "data-review-id");
		return id == null ? "" : id;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> queueItem(Browser browser, String reviewId) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) fetch(browser, "/v1/hitl/queue?limit=500").get("items");
		return items.stream().filter(i -> reviewId.equals(i.get("review_id"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static long postsOverTwoWeeks(Browser browser, String agentId) {
		List<Map<String, Object>> series = (List<Map<String, Object>>) fetch(browser, "/v1/agents/" + agentId + "/metrics/series?days=14").get("series");
		return series.stream().mapToLong(day -> ((Number) day.get("posts")).longValue()).sum();
	}

	private static void phoneScreenshots(Browser browser, String agentId) {
		browser.resize(Browser.PHONE);
		browser.go("#/fleet", "#agents [data-agent-name='Selam Style']");
		browser.page("10-fleet-phone");
		browser.go("#/agents/" + agentId, "#timeline .post");
		browser.visible("#charts svg.chart");
		browser.page("11-agent-phone");
		browser.go("#/review", "#queue .queue-item");
		browser.visible("#review-detail .decision-bar");
		browser.page("12-review-phone");
		browser.go("#/pipeline", "#task-statuses");
		browser.page("13-pipeline-phone");
		browser.resize(Browser.LAPTOP);
	}

	/** A GET through the browser's own session (its cookies), as the dashboard makes it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> fetch(Browser browser, String path) {
		return (Map<String, Object>) browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })
				  .then((r) => r.json()).then(done, (e) => done({ error: String(e) }));
				""", path);
	}

	private static long status(Browser browser, String path) {
		return ((Number) browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' }).then((r) => done(r.status), () => done(-1));
				""", path)).longValue();
	}

	private static long sum(List<WebElement> values) {
		return values.stream().mapToLong(v -> Long.parseLong(v.getText().replace(",", "").trim())).sum();
	}

	private static long value(Browser browser, String css) {
		List<WebElement> found = browser.all(css);
		return found.isEmpty() ? 0 : Long.parseLong(found.get(0).getText().replace(",", "").trim());
	}
}
