package tech.aiqem.chimera.infra.model.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes posts and replies in a persona's voice from deterministic choices: the same inputs always give
 * the same text. Voice rules it follows: emoji (none, sparingly, or freely), exclamation (calm or
 * upbeat), hashtags from the topic, and the platform's length limit.
 */
final class OfflineWriter {

	private static final String[] OPENERS = { "Obsessed with", "Can't stop thinking about", "Today's spotlight:",
			"A little love letter to", "Let's talk about", "Here's why I adore" };

	private static final String[] CLOSERS = { "What do you think?", "Which piece would you wear?",
			"Tell me your favourite in the replies.", "More soon.", "Save this for later.", "Who else is in?" };

	private static final String[] EMOJI = { "✨", "🌿", "💛", "🧵", "☕", "🌞" };

	private static final String[] THANKS = { "Thank you so much", "Appreciate you", "So glad you noticed",
			"This made my day" };

	private OfflineWriter() {
	}

	static String post(Voice voice, String topic, String goal, String platform, long seed) {
		StringBuilder text = new StringBuilder();
		text.append(pick(OPENERS, seed)).append(' ').append(topic.strip());
		text.append(voice.upbeat() ? "! " : ". ");
		String angle = goalFragment(goal);
		if (!angle.isEmpty()) {
			text.append(Character.toUpperCase(angle.charAt(0))).append(angle.substring(1));
			text.append(voice.upbeat() ? "! " : ". ");
		}
		text.append(pick(CLOSERS, seed >>> 7));
		appendEmoji(text, voice, seed);
		text.append(' ').append(hashtag(topic));
		return fit(text.toString(), platform);
	}

	static String reply(Voice voice, String author, String mentionText, long seed) {
		StringBuilder text = new StringBuilder();
		if (author != null && !author.isBlank()) {
			text.append('@').append(author.replaceAll("[^A-Za-z0-9_]", "")).append(' ');
		}
		text.append(pick(THANKS, seed));
		text.append(voice.upbeat() ? "! " : ". ");
		text.append(mentionText != null && mentionText.contains("?") ? "Great question, more on that very soon."
				: "Your support means a lot.");
		appendEmoji(text, voice, seed);
		return fit(text.toString(), "twitter");
	}

	private static void appendEmoji(StringBuilder text, Voice voice, long seed) {
		int count = voice.emoji();
		for (int i = 0; i < count; i++) {
			text.append(' ').append(pick(EMOJI, seed + i * 31L));
		}
	}

	private static String goalFragment(String goal) {
		if (goal == null) {
			return "";
		}
		// A planner's goal description names the platform and topic first; the campaign goal is what is left.
		String fragment = goal.strip().replaceFirst("(?i)^create an? \\S+ post on .*? that serves the campaign goal:\\s*", "")
			.replaceAll("[.!?]+$", "");
		if (fragment.length() > 120) {
			fragment = fragment.substring(0, 120).replaceAll("\\s+\\S*$", "");
		}
		return fragment;
	}

	static String hashtag(String topic) {
		StringBuilder tag = new StringBuilder("#");
		for (String word : topic.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				tag.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
			}
		}
		return tag.length() > 1 ? tag.toString() : "";
	}

	static String fit(String text, String platform) {
		int limit = "twitter".equals(platform) ? 250 : 2000;
		if (text.length() <= limit) {
			return text;
		}
		return text.substring(0, limit - 1).replaceAll("\\s+\\S*$", "") + "…";
	}

	static <T> T pick(T[] options, long seed) {
		return options[(int) Math.floorMod(seed, (long) options.length)];
	}

	/** The voice rules the writer understands, read from the persona's voice lines. */
	record Voice(int emoji, boolean upbeat) {

		static Voice of(List<String> rules) {
			String all = String.join(" ", rules == null ? new ArrayList<>() : rules).toLowerCase(Locale.ROOT);
			int emoji = all.contains("no emoji") ? 0 : all.contains("emoji sparingly") || all.contains("few emoji") ? 1 : 2;
			boolean upbeat = !(all.contains("calm") || all.contains("understated") || all.contains("formal"));
			return new Voice(emoji, upbeat);
		}
	}
}
