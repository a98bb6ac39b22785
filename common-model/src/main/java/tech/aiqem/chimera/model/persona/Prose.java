package tech.aiqem.chimera.model.persona;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads persona prose: a section written as sentences rather than a list, and plain-text personas
 * (system prompts such as "You are a fictional character whose name is Alex. You enjoy painting...",
 * with an optional example dialogue).
 */
final class Prose {

	private static final int MAX_ITEM = 280;

	private static final Pattern[] NAMES = {
			Pattern.compile("(?i:whose name is|(?:your|my|her|his|the \\w+'s) name is|named|called)\\s+(\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+)?)"),
			Pattern.compile("(?:^|[.!?]\\s+)(?i:you are|you're|i am|i'm)\\s+(\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+)?)(?=[,.!\\s])"),
			Pattern.compile("(?i:between a human and)\\s+(\\p{Lu}[\\p{L}'-]+)") };

	private static final Pattern LIKES = Pattern.compile(
			"(?i)\\b(?:enjoys?|loves?|likes?|adores?|passionate about|interested in|obsessed with|(?:a |an )?(?:avid|huge) (?:fan of|reader of)|"
					+ "fan of|lover of|excited about|writes about|posts about|talks about|speciali[sz]es? in|reading about)\\s+([^.!?;]+)");

	private static final Pattern AVOIDS = Pattern.compile(
			"(?i)\\b(?:never (?:talks?|posts?|speaks?|writes?) about|never discuss(?:es)?|avoids?|stays? away from|doesn't discuss|does not discuss|won't discuss)\\s+([^.!?;]+)");

	private static final Pattern DIALOGUE = Pattern.compile("^(\\p{Lu}[\\p{L}'-]{1,30}):\\s+(.+)$");

	private static final Pattern MANNER = Pattern.compile(
			"(?i)\\b(kind|sarcastic|friendly|witty|funny|humou?r|tone|talks?|speaks?|voice|style|emoji|brief|short|polite|casual|formal|"
					+ "warm|playful|curious|patient|articulate|mysterious|evasive|cheerful|happy|loyal|brave|angry|calm|confident|"
					+ "enthusiastic|sassy|snarky|gentle|spelling|repl(?:y|ies)|answers?)\\b");

	private Prose() {
	}

	/** A prose section as list items: sentences, and for topics and brands the comma-separated pieces. */
	static List<String> itemsOf(Part part, String text) {
		List<String> items = new ArrayList<>();
		for (String sentence : sentences(text)) {
			if ((part == Part.TOPICS || part == Part.BRANDS || part == Part.LANGUAGES) && sentence.length() < 200) {
				for (String piece : sentence.split("\\s*(?:,|;|\\band\\b|\\bor\\b)\\s*")) {
					add(items, piece.replaceAll("[.!?]+$", ""));
				}
			}
			else {
				add(items, sentence);
			}
		}
		return items;
	}

	static List<String> sentences(String text) {
		List<String> sentences = new ArrayList<>();
		for (String sentence : text.replaceAll("\\s+", " ").split("(?<=[.!?])\\s+(?=[\\p{Lu}\"“*])")) {
			if (!sentence.isBlank()) {
				sentences.add(sentence.strip());
			}
		}
		return sentences;
	}

	private static void add(List<String> items, String item) {
		String value = item.strip();
		if (value.isEmpty()) {
			return;
		}
		items.add(value.length() > MAX_ITEM ? value.substring(0, MAX_ITEM - 3).strip() + "..." : value);
	}

	/**
	 * A plain-text persona: a preamble describing the character, optionally an example dialogue
	 * ("Human: ... / Alex: ...") and more background. a16z companions separate them with
	 * {@code ###ENDPREAMBLE###} and {@code ###ENDSEEDCHAT###}.
	 */
	static void readPlain(String text, PersonaDraft draft) {
		// a16z seed chats write each turn as a "### Name:" heading over the line, with stray "\\n" escapes.
		String flat = text.replaceAll("(?m)^#{1,6}\\s*(\\p{Lu}[\\p{L}'-]{1,30}):\\s*\\n+", "$1: ")
			.replace("\\n", " ").replace("`;", "");
		String[] parts = flat.split("###\\s*END\\w*\\s*###");
		String preamble = parts[0];
		for (Pattern pattern : NAMES) {
			Matcher matcher = pattern.matcher(preamble.replaceAll("\\s+", " "));
			if (matcher.find()) {
				draft.name(matcher.group(1), true);
				break;
			}
		}
		StringBuilder rest = new StringBuilder();
		List<String> dialogue = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			for (String line : parts[i].split("\n")) {
				if (DIALOGUE.matcher(line.strip()).matches()) {
					dialogue.add(line.strip());
				}
				else if (!line.isBlank()) {
					rest.append(line.strip()).append(' ');
				}
			}
		}
		if (draft.name() == null) {
			for (String line : dialogue) {
				String speaker = DIALOGUE.matcher(line).replaceAll("$1");
				if (!speaker.matches("(?i)human|user|you|me|assistant|ai|system")) {
					draft.name(speaker, true);
					break;
				}
			}
		}
		readDescription(preamble, draft);
		for (String line : dialogue) {
			Matcher matcher = DIALOGUE.matcher(line);
			if (matcher.matches() && draft.name() != null && draft.name().startsWith(matcher.group(1))) {
				draft.item(Part.EXAMPLES, matcher.group(2));
			}
		}
		draft.text(Part.OTHER, rest.toString());
	}

	/** A character description: its identity, what it likes (topics), avoids, and how it comes across (voice). */
	static void readDescription(String description, PersonaDraft draft) {
		String flat = description.replaceAll("\\s+", " ").strip();
		draft.text(Part.IDENTITY, flat);
		likes(flat).forEach(topic -> draft.item(Part.TOPICS, topic));
		manner(flat).forEach(rule -> draft.item(Part.VOICE, rule));
		for (String sentence : sentences(flat)) {
			Matcher avoids = AVOIDS.matcher(sentence);
			if (avoids.find()) {
				draft.item(Part.FORBIDDEN, avoids.group(1));
			}
		}
	}

	/** What a description says the character loves, enjoys, is a fan of...: short phrases, as topics. */
	static List<String> likes(String description) {
		List<String> topics = new ArrayList<>();
		for (String sentence : sentences(description)) {
			Matcher likes = LIKES.matcher(sentence);
			while (likes.find()) {
				for (String piece : itemsOf(Part.TOPICS, likes.group(1))) {
					if (piece.split("\\s+").length <= 6 && !topics.contains(piece)) {
						topics.add(piece);
					}
				}
			}
		}
		return topics;
	}

	/** The sentences of a description that say how the character comes across or talks, as voice rules. */
	static List<String> manner(String description) {
		List<String> rules = new ArrayList<>();
		for (String sentence : sentences(description)) {
			if (MANNER.matcher(sentence).find() && !LIKES.matcher(sentence).find() && sentence.length() <= 280) {
				rules.add(sentence);
			}
		}
		return rules;
	}
}
