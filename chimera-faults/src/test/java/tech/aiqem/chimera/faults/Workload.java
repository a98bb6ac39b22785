package tech.aiqem.chimera.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.aiqem.chimera.local.Api;

/**
 * The run's work, created over the /v1 API as an operator would: content agents with a campaign each at
 * the highest rate a campaign allows, and a payer whose goals ask for payments that together pass its
 * daily budget, so that the budget guard has something to refuse.
 */
final class Workload {

	static final String SOUL = """
			# %s
			## Identity
			A warm fashion insider from Addis Ababa.
			## Voice
			- Warm and upbeat
			## Topics
			- Ethiopian fashion
			- Habesha kemis
			- Summer collections
			- Street style
			- Netela shawls
			- Tibeb embroidery
			- Handwoven cotton
			- Bridal wear
			- Menswear tailoring
			- Leather accessories
			- Jewellery from Axum
			- Sustainable dyes
			- Runway reviews
			- Designer interviews
			- Fabric markets
			- Festival outfits
			- Holiday looks
			- Modest fashion
			- Children's wear
			- Weekend styling
			## Forbidden topics
			- politics
			## Disclosure
			automated
			""";

	static final int PAYMENTS = 6;

	static final int PAYMENT_USDC = 4;

	static final int PAYER_DAILY_BUDGET_USD = 14;

	private Workload() {
	}

	static String agent(Api api, String name, Map<String, Object> budget) {
		return api.post("/v1/agents", Map.of("name", name, "persona_file", Api.base64(SOUL.formatted(name)),
				"social_accounts", Map.of("twitter", Map.of("username", name.toLowerCase().replace(' ', '_'))),
				"budget", budget)).expect(201).json().get("agent_id").asString();
	}

	/** The content campaigns; returns their ids. */
	static List<String> contentCampaigns(Api api, FaultSettings settings) {
		List<String> campaigns = new ArrayList<>();
		for (int i = 0; i < settings.agents(); i++) {
			String agent = agent(api, "Fault Agent " + i, Map.of("daily_usd", 100, "total_usd", 1000));
			campaigns.add(api.post("/v1/campaigns", Map.of("agent_id", agent, "name", "Campaign " + i,
					"goals", "Promote Ethiopian designers, " + settings.postsPerDay() + " posts a day", "duration_days",
					settings.days())).expect(201).json().get("campaign_id").asString());
		}
		return campaigns;
	}

	/** A one-day campaign of the payer asking for {@link #PAYMENTS} payments to the payee. */
	static String paymentCampaign(Api api, String payer, String payeeWallet) {
		StringBuilder goals = new StringBuilder("Thank the photographers.");
		for (int i = 1; i <= PAYMENTS; i++) {
			goals.append(" Pay ").append(PAYMENT_USDC).append(" USDC to ").append(payeeWallet).append(" for photo set ")
				.append(i).append('.');
		}
		return api.post("/v1/campaigns", Map.of("agent_id", payer, "name", "Photographers", "goals", goals.toString(),
				"duration_days", 1)).expect(201).json().get("campaign_id").asString();
	}

	/** A campaign of the editor whose goals the payment-withdrawal fault edits; it posts a little meanwhile. */
	static String editedCampaign(Api api, String editor, FaultSettings settings) {
		return api.post("/v1/campaigns", Map.of("agent_id", editor, "name", "Edited goals",
				"goals", "Thank the photographers, 4 posts a day", "duration_days", settings.days()))
			.expect(201)
			.json()
			.get("campaign_id")
			.asString();
	}
}
