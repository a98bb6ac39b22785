package tech.aiqem.chimera.local;

import java.util.Map;

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

	private final Api api;

	private BenchAdmin(Api api) {
		this.api = api;
	}

	/** Signs in as the bootstrap admin and creates an API key, as the dashboard does. */
	static BenchAdmin signIn(String base, String email, String password) {
		return new BenchAdmin(Api.asAdmin(base, email, password));
	}

	/** Creates an agent with a twitter account; returns its id. */
	String agent(String name) {
		return post("/v1/agents", Map.of("name", name, "persona_file", Api.base64(SOUL.formatted(name)),
				"social_accounts", Map.of("twitter", Map.of("username", name.toLowerCase().replace(' ', '_'))), "budget",
				Map.of("daily_usd", 100000, "total_usd", 1000000)), "agent_id");
	}

	/** Creates the agent's one-day campaign (the planner plans its tasks at once); returns the campaign id. */
	String campaign(String agent, String name) {
		return post("/v1/campaigns", Map.of("agent_id", agent, "name", name + " campaign", "goals",
				"Promote Ethiopian designers and the summer collection", "budget_daily_usd", 100000, "duration_days", 1),
				"campaign_id");
	}

	private String post(String path, Object body, String field) {
		return this.api.post(path, body).expect(201).json().get(field).asString();
	}
}
