package tech.aiqem.chimera.gateway.offline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The offline model's answers, one per {@link tech.aiqem.chimera.gateway.Purpose}, built from the prompt's
 * facts alone: the same facts give the same answer.
 */
final class OfflineAnswers {

	private static final String[] ANGLES = { "designer spotlight", "styling tip", "behind the scenes",
			"question for followers", "trend report", "fabric and craft story", "weekend look" };

	private OfflineAnswers() {
	}

	static Map<String, Object> plan(Map<String, Object> facts) {
		Map<String, Object> persona = map(facts.get("persona"));
		List<String> topics = strings(persona.get("topics"));
		if (topics.isEmpty()) {
			// A persona file that names no topics: the campaign goal's own subjects (the create answer warned).
			topics = GoalPhrases.topics(String.valueOf(facts.getOrDefault("goals", "")));
		}
		if (topics.isEmpty()) {
			topics = List.of("our story");
		}
		List<String> platforms = strings(facts.get("platforms"));
		if (platforms.isEmpty()) {
			platforms = List.of("twitter");
		}
		Set<String> recent = Set.copyOf(strings(facts.get("recent_topics")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
		int count = ((Number) facts.getOrDefault("count", 1)).intValue();
		int offset = ((Number) facts.getOrDefault("first_slot", 0)).intValue();
		String goals = String.valueOf(facts.getOrDefault("goals", ""));
		List<Map<String, Object>> tasks = new ArrayList<>();
		int candidate = offset;
		while (tasks.size() < count) {
			String topic = topics.get(Math.floorMod(candidate, topics.size())) + " — "
					+ ANGLES[Math.floorMod(candidate / Math.max(1, topics.size()), ANGLES.length)];
			candidate++;
			if (recent.contains(topic.toLowerCase(Locale.ROOT)) && candidate - offset < count + topics.size() * ANGLES.length) {
				continue;
			}
			String platform = platforms.get(Math.floorMod(offset + tasks.size(), platforms.size()));
			Map<String, Object> task = new LinkedHashMap<>();
			task.put("topic", topic);
			task.put("platform", platform);
			task.put("goal_description", "Create " + (platform.equals("instagram") ? "an " : "a ") + platform + " post on " + topic + " that serves the campaign goal: " + goals);
			tasks.add(task);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("tasks", tasks);
		return answer;
	}

	static Map<String, Object> post(Map<String, Object> facts, String taskId) {
		Map<String, Object> persona = map(facts.get("persona"));
		String topic = String.valueOf(facts.getOrDefault("topic", "today's story"));
		String platform = String.valueOf(facts.getOrDefault("platform", "twitter"));
		long seed = seed(taskId, topic);
		OfflineWriter.Voice voice = OfflineWriter.Voice.of(strings(persona.get("voice")));
		String text = OfflineWriter.post(voice, topic, String.valueOf(facts.getOrDefault("goal", "")), platform, seed);
		double confidence = 0.84 + Math.floorMod(seed >>> 3, 15) / 100.0;
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("text", text);
		answer.put("image_prompt", persona.getOrDefault("name", "The persona") + " presenting " + topic
				+ ", editorial photo, warm natural light");
		answer.put("confidence", round(confidence));
		answer.put("reasoning", "Persona voice applied (" + voice.emoji() + " emoji, " + (voice.upbeat() ? "upbeat" : "calm")
				+ "); topic from plan: " + topic + "; confidence " + round(confidence) + " (offline model)");
		return answer;
	}

	static Map<String, Object> reply(Map<String, Object> facts, String taskId) {
		Map<String, Object> persona = map(facts.get("persona"));
		String mention = String.valueOf(facts.getOrDefault("mention_text", ""));
		long seed = seed(taskId, mention);
		OfflineWriter.Voice voice = OfflineWriter.Voice.of(strings(persona.get("voice")));
		String text = OfflineWriter.reply(voice, (String) facts.get("mention_author"), mention, seed);
		double confidence = 0.86 + Math.floorMod(seed >>> 5, 12) / 100.0;
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("text", text);
		answer.put("confidence", round(confidence));
		answer.put("reasoning", "Short, warm reply in the persona's voice; the mention is treated as data only (offline model)");
		return answer;
	}

	static Map<String, Object> payment(Map<String, Object> facts, String taskId) {
		Map<String, Object> payment = map(facts.get("payment"));
		Map<String, Object> answer = new LinkedHashMap<>();
		boolean planned = Boolean.TRUE.equals(facts.get("from_plan"));
		answer.put("confidence", planned ? 0.95 : 0.5);
		answer.put("reasoning", planned ? "Payment of " + payment.get("amount_usdc") + " USDC for '" + payment.get("purpose")
				+ "' is in the campaign plan (offline model)" : "Payment does not trace back to the plan (offline model)");
		return answer;
	}

	/**
	 * The offline judge has no judgement of its own: the judge's deterministic checks decide, and their
	 * score arrives in the facts ({@code deterministic_score}). It answers with that score and the findings
	 * as its reasons, so the same result always gets the same answer; without a score it cannot vouch for
	 * anything and says "review".
	 */
	static Map<String, Object> judge(Map<String, Object> facts, String taskId) {
		Object given = facts.get("deterministic_score");
		double score = given instanceof Number n ? Math.max(0, Math.min(1, n.doubleValue())) : 0.5;
		List<String> reasons = new ArrayList<>();
		for (Object finding : facts.get("findings") instanceof List<?> list ? list : List.of()) {
			reasons.add(finding instanceof Map<?, ?> m ? String.valueOf(m.get("detail")) : String.valueOf(finding));
		}
		String verdict = given == null ? "review" : score >= 0.9 ? "approve" : score >= 0.5 ? "review" : "reject";
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("score", round(score));
		answer.put("verdict", verdict);
		answer.put("reasoning", (reasons.isEmpty() ? "no findings" : String.join("; ", reasons))
				+ "; deterministic judge score " + round(score) + " (offline model)");
		return answer;
	}

	static long seed(String taskId, String text) {
		CRC32 crc = new CRC32();
		crc.update(String.valueOf(taskId).getBytes(StandardCharsets.UTF_8));
		crc.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	private static List<String> strings(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}
}
