package tech.aiqem.chimera.model.persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.aiqem.chimera.model.DisclosureLevel;

/**
 * An agent's persona as read from its persona file (SOUL.md, elizaOS character JSON, plain text). Its rules
 * become the {@code persona_constraints} of every task and feed the judge's persona checks. {@code prose}
 * keeps what the file says that is none of the recognised parts (for the models, never dropped),
 * {@code examples} the persona's own sample posts or lines, {@code warnings} what the reader found missing.
 */
public record Persona(String name, String identity, List<String> voice, List<String> topics,
		List<String> forbiddenTopics, List<String> approvedBrands, DisclosureLevel disclosure,
		List<String> languages, String prose, List<String> examples, List<String> warnings) {

	/** The persona's rules alone, as code and tests build it (no prose, examples or warnings). */
	public Persona(String name, String identity, List<String> voice, List<String> topics,
			List<String> forbiddenTopics, List<String> approvedBrands, DisclosureLevel disclosure,
			List<String> languages) {
		this(name, identity, voice, topics, forbiddenTopics, approvedBrands, disclosure, languages, "", List.of(),
				List.of());
	}

	public Persona {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("persona name is required");
		}
		voice = List.copyOf(voice == null ? List.of() : voice);
		topics = List.copyOf(topics == null ? List.of() : topics);
		forbiddenTopics = List.copyOf(forbiddenTopics == null ? List.of() : forbiddenTopics);
		approvedBrands = List.copyOf(approvedBrands == null ? List.of() : approvedBrands);
		languages = List.copyOf(languages == null || languages.isEmpty() ? List.of("en") : languages);
		disclosure = disclosure == null ? DisclosureLevel.AUTOMATED : disclosure;
		identity = identity == null ? "" : identity;
		prose = prose == null ? "" : prose;
		examples = List.copyOf(examples == null ? List.of() : examples);
		warnings = List.copyOf(warnings == null ? List.of() : warnings);
	}

	/** The rules a worker must follow, as they travel in a task's {@code persona_constraints}. */
	public List<String> constraints() {
		List<String> rules = new ArrayList<>(this.voice);
		for (String topic : this.forbiddenTopics) {
			rules.add("Never discuss: " + topic);
		}
		if (!this.approvedBrands.isEmpty()) {
			rules.add("Only endorse approved brands: " + String.join(", ", this.approvedBrands));
		}
		rules.add("Disclosure: " + this.disclosure.wire());
		rules.add("Languages: " + String.join(", ", this.languages));
		return rules;
	}

	/** The forbidden topic a text touches, or null. Matching is case-insensitive on whole words. */
	public String forbiddenTopicIn(String text) {
		if (text == null) {
			return null;
		}
		String haystack = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
		for (String topic : this.forbiddenTopics) {
			String needle = " " + topic.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
			if (needle.isBlank()) {
				continue;
			}
			if (haystack.contains(needle)) {
				return topic;
			}
		}
		return null;
	}

	public boolean isApprovedBrand(String brand) {
		return this.approvedBrands.stream().anyMatch(approved -> approved.equalsIgnoreCase(brand.trim()));
	}
}
