package tech.aiqem.chimera.model.persona;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.model.DisclosureLevel;

/** What the readers found so far, part by part; {@link #build} turns it into a {@link Persona} and its warnings. */
final class PersonaDraft {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\[(?:INSERT|YOUR)[^\\]]*]");

	private static final Map<String, String> LANGUAGE_CODES = languageCodes();

	private final Map<Part, List<String>> items = new EnumMap<>(Part.class);

	private final Map<Part, StringBuilder> text = new EnumMap<>(Part.class);

	private final Set<String> placeholders = new LinkedHashSet<>();

	private final List<String> notes = new ArrayList<>();

	private String name;

	/** Whether the name came from a weak hint (a dialogue speaker, a plain-text sentence) rather than a field. */
	private boolean weakName;

	void name(String candidate, boolean weak) {
		String clean = candidate == null ? "" : clean(candidate);
		if (clean.isEmpty() || clean.length() > 255) {
			return;
		}
		if (this.name == null || (this.weakName && !weak)) {
			this.name = clean;
			this.weakName = weak;
		}
	}

	String name() {
		return this.name;
	}

	void item(Part part, String value) {
		String clean = clean(value);
		if (!clean.isEmpty()) {
			List<String> list = this.items.computeIfAbsent(part, key -> new ArrayList<>());
			if (!list.contains(clean)) {
				list.add(clean);
			}
		}
	}

	void text(Part part, String value) {
		String clean = clean(value);
		if (!clean.isEmpty()) {
			StringBuilder builder = this.text.computeIfAbsent(part, key -> new StringBuilder());
			builder.append(builder.isEmpty() ? "" : part == Part.OTHER ? "\n" : " ").append(clean);
		}
	}

	boolean has(Part part) {
		return this.items.containsKey(part) || this.text.containsKey(part);
	}

	void note(String warning) {
		this.notes.add(warning);
	}

	void placeholdersIn(String value) {
		clean(value);
	}

	/** Strips markdown marks and notes unfilled template placeholders, which are dropped from the value. */
	private String clean(String value) {
		if (value == null) {
			return "";
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		while (matcher.find()) {
			if (!matcher.group().matches("(?i)\\{\\{(char|user\\d*)}}")) {
				this.placeholders.add(matcher.group());
			}
		}
		String stripped = value.replaceAll("(?i)\\{\\{char}}", this.name == null ? "" : this.name)
			.replaceAll("(?i)\\{\\{user\\d*}}", "you");
		stripped = PLACEHOLDER.matcher(stripped).replaceAll("");
		stripped = stripped.replaceAll("\\*\\*|__|`", "").replaceAll("(^|\\s)[*_]([^*_]+)[*_](?=\\s|$|[.,;:!?])", "$1$2");
		stripped = stripped.strip();
		return stripped.matches("[\\p{Punct}\\s—–]*|[^:]{1,40}:") ? "" : stripped;
	}

	Persona build(String fallbackName) {
		List<String> warnings = new ArrayList<>(this.notes);
		if (this.name == null && fallbackName != null && !fallbackName.isBlank()) {
			this.name = fallbackName.strip();
			warnings.add("no name in the file: the agent's name '" + this.name + "' is used");
		}
		if (this.name == null) {
			throw new SoulFormatException(0, "no name anywhere: give the persona a title ('# Name'), a 'Name:' line or a \"name\" field");
		}
		if (!this.placeholders.isEmpty()) {
			warnings.add("unfilled template placeholders were left out: " + String.join(", ", this.placeholders));
		}
		List<String> voice = listOf(Part.VOICE);
		for (String emoji : listOf(Part.EMOJI)) {
			voice.add("Signature emoji: " + emoji);
		}
		List<String> topics = listOf(Part.TOPICS);
		List<String> forbidden = listOf(Part.FORBIDDEN);
		List<String> brands = listOf(Part.BRANDS);
		String described = (joined(Part.IDENTITY) + " " + joined(Part.VOICE)).strip();
		if (topics.isEmpty() && !Prose.likes(described).isEmpty()) {
			topics.addAll(Prose.likes(described));
			warnings.add("topics taken from the description (" + abbreviate(String.join(", ", topics)) + "); a 'What she posts about' section says it better");
		}
		if (voice.isEmpty() && !Prose.manner(described).isEmpty()) {
			voice.addAll(Prose.manner(described));
			warnings.add("voice taken from the description; a 'How she talks' section says it better");
		}
		if (voice.isEmpty()) {
			warnings.add("no voice: nothing says how the persona talks, so posts use a neutral voice (add a 'How she talks' section)");
		}
		if (topics.isEmpty()) {
			warnings.add("no topics: the planner takes topics from the campaign goals only (add a 'What she posts about' section)");
		}
		if (brands.isEmpty()) {
			warnings.add("no approved brands: every brand mention will be escalated to a human");
		}
		DisclosureLevel disclosure = disclosure(warnings);
		List<String> languages = languages(warnings);
		String identity = joined(Part.IDENTITY);
		String prose = joined(Part.OTHER);
		if (identity.isEmpty() && !prose.isEmpty()) {
			int cut = prose.indexOf('\n');
			identity = cut < 0 ? prose : prose.substring(0, cut);
		}
		return new Persona(this.name, identity, voice, topics, forbidden, brands, disclosure, languages, prose,
				listOf(Part.EXAMPLES), warnings);
	}

	private List<String> listOf(Part part) {
		List<String> list = new ArrayList<>(this.items.getOrDefault(part, List.of()));
		if (this.text.containsKey(part)) {
			for (String piece : Prose.itemsOf(part, this.text.get(part).toString())) {
				if (!list.contains(piece)) {
					list.add(piece);
				}
			}
		}
		return list;
	}

	private String joined(Part part) {
		List<String> pieces = new ArrayList<>();
		if (this.text.containsKey(part)) {
			pieces.add(this.text.get(part).toString());
		}
		pieces.addAll(this.items.getOrDefault(part, List.of()));
		return String.join(part == Part.OTHER ? "\n" : " ", pieces).strip();
	}

	/** {@code automated}, {@code assisted} or {@code none} when said; otherwise read by meaning. */
	private DisclosureLevel disclosure(List<String> warnings) {
		String said = joined(Part.DISCLOSURE).toLowerCase(Locale.ROOT);
		if (said.isEmpty()) {
			return DisclosureLevel.AUTOMATED;
		}
		String first = said.split("[^a-z]+", 2)[0];
		if (first.isEmpty() && said.split("[^a-z]+").length > 1) {
			first = said.split("[^a-z]+")[1];
		}
		for (DisclosureLevel level : DisclosureLevel.values()) {
			if (first.equals(level.wire())) {
				return level;
			}
		}
		if (said.matches("(?s).*\\b(ai|a\\.i\\.|automated|artificial|bot|generated|not a human|not human)\\b.*")) {
			return DisclosureLevel.AUTOMATED;
		}
		if (said.matches("(?s).*\\b(assisted|help of|with help|co-?written|human[- ]written)\\b.*")) {
			return DisclosureLevel.ASSISTED;
		}
		warnings.add("disclosure not understood ('" + abbreviate(said) + "'): posts disclose automation (automated)");
		return DisclosureLevel.AUTOMATED;
	}

	private List<String> languages(List<String> warnings) {
		List<String> codes = new ArrayList<>();
		for (String entry : listOf(Part.LANGUAGES)) {
			for (String word : entry.split("[,;/&]|\\band\\b|\\bor\\b")) {
				String token = word.replaceAll("\\(.*?\\)", "").strip();
				if (token.isEmpty()) {
					continue;
				}
				String code = token.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?") ? token
						: LANGUAGE_CODES.get(token.toLowerCase(Locale.ROOT));
				if (code == null) {
					warnings.add("language '" + abbreviate(token) + "' not recognised (write a code such as en, am or pt-BR, or a language name)");
				}
				else if (!codes.contains(code)) {
					codes.add(code);
				}
			}
		}
		return codes;
	}

	private static Map<String, String> languageCodes() {
		Map<String, String> codes = new java.util.HashMap<>();
		for (String code : Locale.getISOLanguages()) {
			String english = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
			codes.putIfAbsent(english, code);
		}
		return Map.copyOf(codes);
	}

	static String abbreviate(String value) {
		return value.length() <= 60 ? value : value.substring(0, 57) + "...";
	}
}
