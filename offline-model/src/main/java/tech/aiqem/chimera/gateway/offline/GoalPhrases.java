package tech.aiqem.chimera.gateway.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The subjects a campaign goal names, as short noun phrases ("Promote Ethiopian fashion designers and the
 * summer collection" gives "Ethiopian fashion designers", "summer collection"): the offline writer
 * mentions one in a sentence of its own rather than pasting the goal, and the offline planner plans on
 * them when the persona names no topics.
 */
final class GoalPhrases {

	private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "of", "on", "in", "for", "to",
			"with", "our", "my", "your", "their", "its", "this", "that", "these", "those", "about", "at", "by", "from",
			"is", "are", "be", "it", "we", "us", "i", "you", "promote", "promoting", "grow", "growing", "share", "sharing",
			"post", "posts", "posting", "day", "days", "week", "weeks", "month", "create", "campaign", "goal", "goals",
			"two", "three", "four", "five", "one", "per", "more", "new", "launch", "highlight", "showcase", "drive",
			"build", "increase", "awareness", "engagement", "audience", "followers", "serves", "twitter", "instagram",
			"threads", "tiktok", "daily", "every", "each", "twice", "times");

	private GoalPhrases() {
	}

	/** A phrase of the goal the topic does not already say ("summer collection"), or nothing. */
	static String phrase(String goal, String topic, long seed) {
		List<String> phrases = phrases(goal, topic);
		if (phrases.isEmpty()) {
			return "";
		}
		String phrase = phrases.get((int) Math.floorMod(seed, (long) phrases.size()));
		return keepProperNouns(phrase, campaignGoal(goal));
	}

	/**
	 * The noun phrases of a campaign goal ("Promote Ethiopian fashion designers and the summer collection"
	 * gives "Ethiopian fashion designers", "summer collection"): topics for a persona that names none.
	 */
	static List<String> topics(String goal) {
		return phrases(goal, "").stream().map(p -> keepProperNouns(p, campaignGoal(goal))).toList();
	}

	private static String campaignGoal(String goal) {
		// A planner's goal description repeats the platform and topic first; the campaign goal is what is left.
		return goal == null ? "" : goal.replaceFirst("(?is)^create an? \\S+ post on .*? that serves the campaign goal:\\s*", "");
	}

	private static List<String> phrases(String goal, String topic) {
		List<String> phrases = new ArrayList<>();
		if (goal == null || goal.isBlank()) {
			return phrases;
		}
		Set<String> said = new LinkedHashSet<>(words(topic));
		StringBuilder current = new StringBuilder();
		for (String word : campaignGoal(goal).split("[^\\p{L}\\p{N}'-]+")) {
			String lower = word.toLowerCase(Locale.ROOT);
			boolean keep = lower.length() > 2 && !STOPWORDS.contains(lower) && !said.contains(lower) && !lower.matches("\\d+.*");
			if (keep && current.toString().split(" ").length < 3) {
				current.append(current.isEmpty() ? "" : " ").append(word);
			}
			else {
				if (!current.isEmpty()) {
					phrases.add(current.toString());
				}
				current.setLength(0);
				if (keep) {
					current.append(word);
				}
			}
		}
		if (!current.isEmpty()) {
			phrases.add(current.toString());
		}
		phrases.removeIf(p -> !p.contains(" ") && p.length() < 5);
		return phrases;
	}

	/** "Summer collection" at the start of a goal sentence is not a name; "Yefikir Design" inside it is. */
	private static String keepProperNouns(String phrase, String campaign) {
		boolean sentenceStart = campaign.strip().startsWith(phrase);
		return sentenceStart ? phrase.substring(0, 1).toLowerCase(Locale.ROOT) + phrase.substring(1) : phrase;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
				words.add(word.endsWith("s") ? word.substring(0, word.length() - 1) : word + "s");
			}
		}
		return words;
	}
}
