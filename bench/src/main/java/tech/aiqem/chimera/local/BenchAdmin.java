package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tech.aiqem.chimera.model.ChimeraJson;

/** Creates the benchmark's agents and campaigns through the orchestrator's /v1 API, as an admin. */
final class BenchAdmin {

	private static final String SOUL = """
			# %s
			## Identity
			A warm fashion insider from Addis Ababa.
			## Voice
			- Warm and upbeat
			## Topics
			- Ethiopian fashion
			- Habesha kemis
			- Summer collections
			## Forbidden topics
			- politics
			## Disclosure
			automated
			""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String key;

	private BenchAdmin(String base, String key) {
		this.base = base;
		this.key = key;
	}

	/** Signs in as the bootstrap admin and creates an API key, as the dashboard does. */
	static BenchAdmin signIn(String base, String email, String password) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf(cookies))
			.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(Map.of("email", email, "password", password))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 200) {
			throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
		}
		HttpResponse<String> key = browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/api-keys"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf(cookies))
			.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(Map.of("name", "bench", "role", "admin"))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (key.statusCode() != 201) {
			throw new IllegalStateException("creating an API key failed: " + key.statusCode() + " " + key.body());
		}
		return new BenchAdmin(base, ChimeraJson.tree(key.body()).get("key").asString());
	}

	/** Creates an agent with a one-day campaign; returns the campaign id. */
	String agentWithCampaign(String name) throws IOException, InterruptedException {
		String agent = post("/v1/agents", Map.of("name", name, "persona_file",
				Base64.getEncoder().encodeToString(SOUL.formatted(name).getBytes(StandardCharsets.UTF_8)), "social_accounts",
				Map.of("twitter", Map.of("username", name.toLowerCase().replace(' ', '_'))), "budget",
				Map.of("daily_usd", 100000, "total_usd", 1000000)), "agent_id");
		return post("/v1/campaigns", Map.of("agent_id", agent, "name", name + " campaign", "goals",
				"Promote Ethiopian designers and the summer collection", "budget_daily_usd", 100000, "duration_days", 1),
				"campaign_id");
	}

	private String post(String path, Object body, String field) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.key)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return ChimeraJson.tree(response.body()).get(field).asString();
	}

	private static String xsrf(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
	}
}
