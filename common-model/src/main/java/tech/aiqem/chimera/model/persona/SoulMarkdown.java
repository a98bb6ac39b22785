package tech.aiqem.chimera.model.persona;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.aiqem.chimera.model.DisclosureLevel;

/**
 * Reads a SOUL.md: a {@code # Name} title, then {@code ## Section} headings with bullet lists (or, for
 * Identity and Disclosure, prose). Sections: Identity, Voice (required), Topics (required), Forbidden
 * topics, Approved brands, Disclosure ({@code automated}, {@code assisted} or {@code none}), Languages.
 * Anything else is a mistake reported with its line.
 */
public final class SoulMarkdown {

	public static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_ITEM = 280;

	private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put("identity", "Identity");
		SECTIONS.put("voice", "Voice");
		SECTIONS.put("topics", "Topics");
		SECTIONS.put("forbidden topics", "Forbidden topics");
		SECTIONS.put("approved brands", "Approved brands");
		SECTIONS.put("disclosure", "Disclosure");
		SECTIONS.put("languages", "Languages");
	}

	private SoulMarkdown() {
	}

	public static Persona parse(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			throw new SoulFormatException(0, "the file is empty; it must start with '# <agent name>'");
		}
		if (markdown.length() > MAX_BYTES) {
			throw new SoulFormatException(0, "the file is larger than " + MAX_BYTES / 1024 + " KiB");
		}
		String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
		String name = null;
		int nameLine = 0;
		String current = null;
		int currentLine = 0;
		Map<String, List<String>> items = new LinkedHashMap<>();
		Map<String, Integer> sectionLines = new LinkedHashMap<>();
		Map<String, StringBuilder> prose = new LinkedHashMap<>();
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("<!--")) {
				continue;
			}
			if (line.startsWith("# ")) {
				if (name != null) {
					throw new SoulFormatException(number, "a second '# ' title; the agent's name was already given on line " + nameLine);
				}
				name = line.substring(2).strip();
				nameLine = number;
				if (name.isEmpty()) {
					throw new SoulFormatException(number, "the title is empty; write '# <agent name>'");
				}
				if (name.length() > 255) {
					throw new SoulFormatException(number, "the agent name is longer than 255 characters");
				}
				continue;
			}
			if (name == null) {
				throw new SoulFormatException(number, "expected the title '# <agent name>' before anything else");
			}
			if (line.startsWith("## ")) {
				String heading = line.substring(3).strip().toLowerCase(Locale.ROOT);
				if (!SECTIONS.containsKey(heading)) {
					throw new SoulFormatException(number, "unknown section '" + line.substring(3).strip()
							+ "'; expected one of " + String.join(", ", SECTIONS.values()));
				}
				if (items.containsKey(heading)) {
					throw new SoulFormatException(number, "section '" + SECTIONS.get(heading)
							+ "' appears twice (first on line " + sectionLines.get(heading) + ")");
				}
				current = heading;
				currentLine = number;
				items.put(heading, new ArrayList<>());
				sectionLines.put(heading, number);
				continue;
			}
			if (line.startsWith("#")) {
				throw new SoulFormatException(number, "only '# Name' and '## Section' headings are allowed");
			}
			if (current == null) {
				throw new SoulFormatException(number, "text outside a section; start one with '## Identity', '## Voice', ...");
			}
			if (line.startsWith("- ") || line.startsWith("* ")) {
				String item = line.substring(2).strip();
				if (item.isEmpty()) {
					throw new SoulFormatException(number, "empty list item");
				}
				if (item.length() > MAX_ITEM) {
					throw new SoulFormatException(number, "list item longer than " + MAX_ITEM + " characters");
				}
				items.get(current).add(item);
			}
			else if (current.equals("identity") || current.equals("disclosure")) {
				prose.computeIfAbsent(current, key -> new StringBuilder()).append(prose.containsKey(current) && prose.get(current).length() > 0 ? " " : "").append(line);
			}
			else {
				throw new SoulFormatException(number, "section '" + SECTIONS.get(current)
						+ "' takes a bullet list; start the line with '- '");
			}
		}
		if (name == null) {
			throw new SoulFormatException(0, "no title; the file must start with '# <agent name>'");
		}
		require(items, sectionLines, "voice", lines.length);
		require(items, sectionLines, "topics", lines.length);
		DisclosureLevel disclosure = null;
		if (items.containsKey("disclosure")) {
			String value = prose.containsKey("disclosure") ? prose.get("disclosure").toString()
					: String.join(" ", items.get("disclosure"));
			int line = sectionLines.get("disclosure");
			try {
				disclosure = DisclosureLevel.of(value.strip().split("\\s+")[0]);
			}
			catch (IllegalArgumentException ex) {
				throw new SoulFormatException(line + 1, "disclosure must be automated, assisted or none, got '" + value.strip() + "'");
			}
		}
		List<String> languages = items.getOrDefault("languages", List.of());
		for (String language : languages) {
			if (!language.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?")) {
				throw new SoulFormatException(sectionLines.get("languages"),
						"language '" + language + "' is not a language code such as en, am or pt-BR");
			}
		}
		String identity = prose.containsKey("identity") ? prose.get("identity").toString()
				: String.join(" ", items.getOrDefault("identity", List.of()));
		return new Persona(name, identity, items.get("voice"), items.get("topics"),
				items.getOrDefault("forbidden topics", List.of()), items.getOrDefault("approved brands", List.of()),
				disclosure, languages);
	}

	private static void require(Map<String, List<String>> items, Map<String, Integer> lines, String section, int last) {
		if (!items.containsKey(section)) {
			throw new SoulFormatException(0, "the '## " + SECTIONS.get(section) + "' section is required");
		}
		if (items.get(section).isEmpty()) {
			throw new SoulFormatException(lines.get(section), "the '" + SECTIONS.get(section) + "' section has no items");
		}
	}
}
