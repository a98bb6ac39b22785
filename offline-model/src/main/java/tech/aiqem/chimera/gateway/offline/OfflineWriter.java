package tech.aiqem.chimera.gateway.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes posts and replies in a persona's voice from deterministic choices: the same inputs always give
 * the same text. A post says the planned topic in its own words (subject and angle, from
 * "Ethiopian fashion — designer spotlight"), may pick up a phrase of the campaign goal but never pastes
 * the goal sentence, and follows the persona's habits as its voice rules state them: emoji (none,
 * sparingly, freely; its own emoji when it names them), hashtags (its own tags, how many, none),
 * upbeat or calm, questions to the reader, and the platform's length limit.
 */
final class OfflineWriter {

	private static final String[] OPENERS = { "%2$s: %1$s.", "Been thinking about %1$s all week.",
			"Quick one on %1$s — %2$s.", "If %1$s isn't on your radar yet, let me fix that.",
			"Confession: I could talk about %1$s for hours.", "%1$s, %2$s edition.",
			"Small thing that made my day: %1$s.", "Here's what I keep coming back to with %1$s.",
			"Okay, %1$s. Let's get into it.", "Today I'm all about %1$s — %2$s." };

	private static final String[] MIDDLES = { "There's so much craft in it that people miss.",
			"Every detail tells a story, and I'm here for all of it.",
			"It's the kind of thing you notice more the closer you look.",
			"The people behind it deserve every bit of the spotlight.", "It never gets old, honestly.",
			"Once you see it, you can't unsee it.", "This is the part I wish more people knew about." };

	private static final String[] GOAL_LINES = { "Also on my list this week: %s.", "And yes, %s is coming up next.",
			"Keep an eye out for %s.", "Next on the list: %s." };

	private static final String[] QUESTIONS = { "What do you think?", "Which one would you pick?",
			"Tell me your favourite in the replies.", "Who else is in?", "Have you tried it yet?" };

	private static final String[] CLOSERS = { "More soon.", "Save this for later.", "Worth a look.", "More on this soon." };

	private static final String[] EMOJI = { "✨", "🌿", "💛", "🧵", "☕", "🌞" };

	private static final String[] THANKS = { "Thank you so much", "Appreciate you", "So glad you noticed",
			"This made my day" };


	private static final Pattern TAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

	private static final Pattern EMOJI_CHARS = Pattern.compile("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}][\\x{FE0F}\\x{200D}\\x{1F3FB}-\\x{1F3FF}\\x{2640}\\x{2642}\\x{1F300}-\\x{1FAFF}]*");

	private OfflineWriter() {
	}

	static String post(Voice voice, String topic, String goal, String platform, long seed) {
		String[] parts = topic.strip().split("\\s+[—–-]\\s+", 2);
		String subject = parts[0].strip();
		String angle = parts.length > 1 ? parts[1].strip() : "a closer look";
		List<String> sentences = new ArrayList<>();
		sentences.add(capitalise(String.format(Locale.ROOT, pick(OPENERS, seed), subject, angle)));
		sentences.add(pick(MIDDLES, seed >>> 5));
		String phrase = GoalPhrases.phrase(goal, subject + " " + angle, seed >>> 9);
		if (!phrase.isEmpty()) {
			String named = Character.isLowerCase(phrase.charAt(0)) ? "the " + phrase : phrase;
			sentences.add(String.format(Locale.ROOT, pick(GOAL_LINES, seed >>> 13), named));
		}
		sentences.add(voice.asks() || Math.floorMod(seed >>> 17, 3) > 0 ? pick(QUESTIONS, seed >>> 19) : pick(CLOSERS, seed >>> 19));
		StringBuilder text = new StringBuilder();
		for (String sentence : sentences) {
			text.append(text.isEmpty() ? "" : " ").append(voice.upbeat() ? brighten(sentence, seed) : calm(sentence));
		}
		appendEmoji(text, voice, seed);
		appendHashtags(text, voice, subject, angle);
		return fit(text.toString().replaceAll("\\s+", " ").strip(), platform);
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

	private static String brighten(String sentence, long seed) {
		return sentence.endsWith(".") && !sentence.endsWith("..") && Math.floorMod(seed + sentence.length(), 2) == 0
				? sentence.substring(0, sentence.length() - 1) + "!" : sentence;
	}

	private static String calm(String sentence) {
		return sentence.replace("!", ".");
	}

	private static void appendEmoji(StringBuilder text, Voice voice, long seed) {
		for (int i = 0; i < voice.emoji(); i++) {
			String emoji = voice.ownEmoji().isEmpty() ? pick(EMOJI, seed + i * 31L)
					: voice.ownEmoji().get(Math.floorMod(seed + i, voice.ownEmoji().size()));
			if (text.indexOf(emoji) < 0) {
				text.append(' ').append(emoji);
			}
		}
	}

	private static void appendHashtags(StringBuilder text, Voice voice, String subject, String angle) {
		List<String> tags = new ArrayList<>(voice.ownTags());
		tags.add(hashtag(subject));
		tags.add(hashtag(angle));
		int added = 0;
		for (String tag : tags) {
			if (added >= voice.hashtags()) {
				break;
			}
			if (tag.length() > 1 && text.indexOf(tag) < 0) {
				text.append(' ').append(tag);
				added++;
			}
		}
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

	private static String capitalise(String sentence) {
		return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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

	/**
	 * The voice rules the writer understands, read from the persona's voice lines: how many emoji and which
	 * (its own, when a rule shows them), how many hashtags and which, upbeat or calm, asking the reader.
	 */
	record Voice(int emoji, boolean upbeat, List<String> ownEmoji, List<String> ownTags, int hashtags, boolean asks) {

		Voice(int emoji, boolean upbeat) {
			this(emoji, upbeat, List.of(), List.of(), 1, false);
		}

		static Voice of(List<String> rules) {
			String joined = String.join(" \n ", rules == null ? new ArrayList<>() : rules);
			String all = joined.toLowerCase(Locale.ROOT);
			List<String> ownEmoji = new ArrayList<>();
			Matcher emojiMatcher = EMOJI_CHARS.matcher(joined);
			while (emojiMatcher.find()) {
				if (!ownEmoji.contains(emojiMatcher.group())) {
					ownEmoji.add(emojiMatcher.group());
				}
			}
			List<String> ownTags = new ArrayList<>();
			Matcher tagMatcher = TAG.matcher(joined);
			while (tagMatcher.find()) {
				if (!ownTags.contains(tagMatcher.group())) {
					ownTags.add(tagMatcher.group());
				}
			}
			boolean noEmoji = all.matches("(?s).*\\b(no emoji|without emoji|never use emoji|contain no emoji|avoid emoji).*");
			int emoji = noEmoji ? 0
					: all.matches("(?s).*\\b(emoji sparingly|few emoji|one emoji|minimal emoji|one or two emoji|an emoji).*")
							|| !ownEmoji.isEmpty() ? 1 : 2;
			int hashtags = all.matches("(?s).*\\b(no hashtags?|without hashtags?|never use hashtags?|avoid hashtags?).*") ? 0
					: hashtagCount(all, ownTags.size());
			boolean upbeat = !all.matches("(?s).*\\b(calm|understated|formal|measured|dry|low-key|serious|restrained).*");
			boolean asks = all.matches("(?s).*\\b(asks?|ends? with a question|questions? to (the )?(reader|audience|followers)).*");
			return new Voice(emoji, upbeat, List.copyOf(ownEmoji), List.copyOf(ownTags), hashtags, asks);
		}

		private static int hashtagCount(String rules, int own) {
			Matcher range = Pattern.compile("(\\d)\\s*(?:[–-]|to)\\s*(\\d)\\s*(?:max|hashtags?)").matcher(rules);
			if (range.find()) {
				return Math.min(3, Integer.parseInt(range.group(1)));
			}
			return Math.max(1, Math.min(2, own));
		}
	}
}
