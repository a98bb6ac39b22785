package tech.aiqem.chimera.model.persona;

import java.util.Locale;

/**
 * The parts of a persona, recognised by meaning from a heading or a {@code Key:} label as people write
 * them ("Who she is", "How I talk", "Things she stays away from", "Brands she works with"...). Order
 * matters: "What she posts about" is topics although it contains "about", "Brand voice" is voice, and
 * "Being honest about sponsorship" is disclosure although it contains "sponsor".
 */
enum Part {

	NAME, IDENTITY, VOICE, TOPICS, FORBIDDEN, BRANDS, DISCLOSURE, LANGUAGES, EXAMPLES, EMOJI, OTHER;

	static Part of(String heading) {
		String h = " " + normalize(heading) + " ";
		if (h.isBlank()) {
			return OTHER;
		}
		if (h.matches(" (agent |bot |character |display |full |real )?name ")) {
			return NAME;
		}
		if (h.matches(" (signature )?emojis? ?(usage|use|habits?)? ")) {
			return EMOJI;
		}
		if (any(h, "disclos", "honest", "transparen", "sponsorship and ai", "ai label")) {
			return DISCLOSURE;
		}
		if (any(h, "stay away", "stays away", "never", "avoid", "boundar", "forbidden", "don t", "dont", "do not",
				"off limits", "taboo", "red line", "no go", "not allowed", "limits", "restrict", "won t")) {
			return FORBIDDEN;
		}
		if (any(h, "voice")) {
			return VOICE;
		}
		if (any(h, "brand", "partner", "sponsor", "works with", "work with", "collab")) {
			return BRANDS;
		}
		if (any(h, "language", "locale")) {
			return LANGUAGES;
		}
		if (any(h, "posts about", "post about", "talks about", "talk about", "writes about", "write about",
				"topic", "interest", "subject", "theme", "content pillar", "focus", "passion", "hobbies", "niche")) {
			return TOPICS;
		}
		if (any(h, "example", "sample", "seed chat", "dialog", "conversation")) {
			return EXAMPLES;
		}
		if (any(h, "talk", "style", "tone", "vibe", "speak", "speech", "personality", "communicat", "writing",
				"adjective", "trait", "manner", "attitude", "emoji", "hashtag", "how she", "how he", "how i ",
				"how they", "how you", "how we")) {
			return VOICE;
		}
		if (any(h, "who", "identity", "about", "bio", "background", "description", "profile", "story", "lore",
				"role", "creature", "mission", "character", "persona", "overview", "introduction", "summary")) {
			return IDENTITY;
		}
		return OTHER;
	}

	/** Lower case, template placeholders ({{char}}) and markdown marks removed, punctuation as spaces. */
	static String normalize(String text) {
		return text.replaceAll("\\{\\{[^}]*}}", " ")
			.replace('\u2019', '\'')
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	private static boolean any(String padded, String... keys) {
		for (String key : keys) {
			if (padded.contains(" " + key)) {
				return true;
			}
		}
		return false;
	}
}
