package tech.aiqem.chimera.planner.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.Purpose;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.persona.Persona;

/** The planning prompt (the same facts in text for a hosted model and as data for the offline one) and its answer. */
public final class PlanPrompt {

	private static final String SYSTEM = """
			You are the planner of an autonomous social media persona. You turn campaign goals into concrete
			post ideas that fit the persona, cover the campaign's goals, and do not repeat recently covered topics.
			Never plan content on the persona's forbidden topics. Answer with JSON only.""";

	private PlanPrompt() {
	}

	public static ModelPrompt of(CampaignRow campaign, int firstSlot, int count, List<String> recentTopics) {
		Persona persona = campaign.persona();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put(Purpose.KEY, Purpose.PLAN_POSTS.key());
		facts.put("persona", personaFacts(persona));
		facts.put("goals", campaign.goals());
		facts.put("count", count);
		facts.put("first_slot", firstSlot);
		facts.put("platforms", campaign.platforms());
		facts.put("recent_topics", recentTopics);
		String user = """
				Persona: %s. Voice: %s. Topics: %s. Forbidden topics: %s.
				Campaign goals: %s
				Platforms: %s
				Recently covered topics (do not repeat): %s
				Plan %d posts. Answer as {"tasks":[{"topic": "...", "goal_description": "...", "platform": "twitter|instagram|threads"}]}
				""".formatted(persona.name(), String.join("; ", persona.voice()), String.join(", ", persona.topics()),
				String.join(", ", persona.forbiddenTopics()), campaign.goals(), String.join(", ", campaign.platforms()),
				recentTopics.isEmpty() ? "none" : String.join("; ", recentTopics), count);
		return new ModelPrompt(SYSTEM, user, facts, campaign.agent().toString(), null, 2048, true);
	}

	/** The context of a content task for a planned post. */
	public static TaskContext contextOf(CampaignRow campaign, PlannedPost post) {
		return new TaskContext(post.goalDescription(), campaign.persona().constraints(),
				List.of("mcp://memory/" + campaign.agent()), post.platform(), post.topic(), campaign.persona().disclosure(),
				null, null);
	}

	static Map<String, Object> personaFacts(Persona persona) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("name", persona.name());
		facts.put("voice", persona.voice());
		facts.put("topics", persona.topics());
		facts.put("forbidden_topics", persona.forbiddenTopics());
		facts.put("approved_brands", persona.approvedBrands());
		return facts;
	}

	/** Reads the model's plan; posts with an unknown platform fall back to the campaign's first one. */
	public static List<PlannedPost> parse(String answer, CampaignRow campaign, int expected) {
		JsonNode tasks = ChimeraJson.tree(answer).path("tasks");
		if (!tasks.isArray() || tasks.isEmpty()) {
			throw new MessageFormatException("the plan has no \"tasks\" array", null);
		}
		List<PlannedPost> posts = new ArrayList<>();
		for (JsonNode task : tasks) {
			String topic = task.path("topic").asString("").strip();
			String goal = task.path("goal_description").asString("").strip();
			if (topic.isEmpty() || goal.isEmpty()) {
				continue;
			}
			Platform platform;
			try {
				platform = Platform.of(task.path("platform").asString(campaign.platforms().get(0)));
			}
			catch (IllegalArgumentException ex) {
				platform = Platform.of(campaign.platforms().get(0));
			}
			posts.add(new PlannedPost(topic, goal, platform));
			if (posts.size() == expected) {
				break;
			}
		}
		if (posts.isEmpty()) {
			throw new MessageFormatException("the plan's tasks have no topic and goal_description", null);
		}
		return posts;
	}
}
