package tech.aiqem.chimera.model.persona;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a markdown persona as people write them: a title (or none), headings of any level recognised by
 * meaning ({@link Part}), "Label" lines before a list used as headings, lists or prose, and
 * {@code **Key:** value} lines. What is not recognised is kept as prose.
 */
final class MarkdownPersona {

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern BOLD_HEADING = Pattern.compile("^(?:\\*\\*|__)([^*_]{1,60})(?:\\*\\*|__):?$");

	private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]|\\d{1,3}[.)])\\s+(.*)$");

	private static final Pattern KEY_VALUE = Pattern.compile("^([\\p{L}][\\p{L} /'-]{0,30}?)\\s*:\\s*(.*)$");

	private static final Pattern GENERIC_TITLE = Pattern.compile(
			"(?i)\\b(soul|identity|card|character|sheet|persona|profile|readme|file|system|prompt|md|description of|who (you are|am i|i am))\\b");

	private static final Pattern BARE_SECTION = Pattern.compile("(identity|voice|tone|style|topics?|forbidden( topics)?|never|"
			+ "boundaries|approved brands|brands|disclosure|languages?|about( me)?|bio|personality|who (she|he|i|they) (is|am|are))");

	private record Level(int depth, Part part) {
	}

	private MarkdownPersona() {
	}

	/** Whether the text looks like markdown at all (a heading or a list), rather than plain prose. */
	static boolean looksLikeMarkdown(String text) {
		if (text.contains("###ENDPREAMBLE###") || text.contains("###ENDSEEDCHAT###")) {
			return false;
		}
		for (String line : text.split("\n")) {
			String strip = line.strip();
			if (HEADING.matcher(strip).matches() || BULLET.matcher(strip).matches() && strip.matches("^[-*+•].*")) {
				return true;
			}
		}
		return false;
	}

	static void read(String markdown, PersonaDraft draft) {
		String[] lines = markdown.split("\n", -1);
		Deque<Level> levels = new ArrayDeque<>();
		Part current = null;
		boolean titled = false;
		boolean fenced = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith("```") || line.startsWith("~~~")) {
				fenced = !fenced;
				continue;
			}
			if (line.isEmpty() || line.startsWith("<!--") || line.matches("[-*_=]{3,}")) {
				continue;
			}
			Matcher heading = fenced ? null : HEADING.matcher(line);
			String headingText = null;
			int depth = 7;
			if (heading != null && heading.matches()) {
				headingText = heading.group(2);
				depth = heading.group(1).length();
			}
			else if (!fenced && (BOLD_HEADING.matcher(line).matches() || isLabel(line, lines, i))) {
				headingText = line.replaceAll("[*_]", "").replaceAll(":$", "").strip();
			}
			if (headingText != null) {
				Part part = Part.of(headingText);
				// The first heading is the title when it is a '# ' heading that is not a bare section name
				// ("# Selam Style" is a name although it says "style"), or any heading that names no part.
				if (!titled && current == null && levels.isEmpty()
						&& (part == Part.OTHER || depth == 1 && !BARE_SECTION.matcher(Part.normalize(headingText)).matches())) {
					titled = true;
					draft.placeholdersIn(headingText);
					draft.name(GENERIC_TITLE.matcher(headingText.replaceAll("\\{\\{[^}]*}}", " ")).replaceAll(" ").replaceAll("^[\\s\\p{Punct}—–]+|[\\s\\p{Punct}—–]+$", ""), false);
					continue;
				}
				while (!levels.isEmpty() && levels.peek().depth() >= depth) {
					levels.pop();
				}
				if (part == Part.OTHER && !levels.isEmpty() && levels.peek().part() != Part.OTHER) {
					part = levels.peek().part();
				}
				if (part == Part.OTHER) {
					draft.text(Part.OTHER, "## " + headingText);
				}
				levels.push(new Level(depth, part));
				current = part;
				continue;
			}
			Matcher bullet = BULLET.matcher(line);
			boolean listed = bullet.matches();
			String content = listed ? bullet.group(1).strip() : line;
			if (keyValue(content, current, draft)) {
				continue;
			}
			Part part = current == null ? Part.IDENTITY : current;
			if (part == Part.NAME) {
				draft.name(content, false);
			}
			else if (part == Part.OTHER) {
				draft.text(Part.OTHER, listed ? "- " + content : content);
			}
			else if (listed || part == Part.EXAMPLES) {
				draft.item(part, content);
			}
			else {
				draft.text(part, content);
			}
		}
	}

	/** A short line with no sentence punctuation directly followed by a list, e.g. "Boundaries" then "- ...". */
	private static boolean isLabel(String line, String[] lines, int index) {
		if (BULLET.matcher(line).matches() || line.length() > 40 || line.matches(".*[.!?,;]$") || line.split("\\s+").length > 5) {
			return false;
		}
		for (int next = index + 1; next < lines.length; next++) {
			String following = lines[next].strip();
			if (!following.isEmpty()) {
				return BULLET.matcher(following).matches();
			}
		}
		return false;
	}

	/**
	 * {@code Name: Tweety}, {@code **Vibe:** Witty}: a labelled value goes to the part its label names
	 * when it stands in an identity-like or unrecognised section; inside a recognised section it stays there.
	 */
	private static boolean keyValue(String content, Part current, PersonaDraft draft) {
		Matcher matcher = KEY_VALUE.matcher(content.replaceAll("\\*\\*|__", ""));
		if (!matcher.matches() || matcher.group(2).isBlank()) {
			return false;
		}
		Part key = Part.of(matcher.group(1));
		String value = matcher.group(2).strip();
		if (key == Part.NAME) {
			draft.name(value, false);
			return true;
		}
		if (key == Part.EMOJI || key == Part.LANGUAGES) {
			draft.item(key, value);
			return true;
		}
		boolean loose = current == null || current == Part.IDENTITY || current == Part.OTHER;
		if (!loose || key == Part.OTHER || key == Part.EXAMPLES) {
			return false;
		}
		if (key == Part.IDENTITY) {
			draft.text(Part.IDENTITY, value.matches(".*[.!?]$") ? value : value + ".");
		}
		else if (key == Part.VOICE && !Part.normalize(matcher.group(1)).matches("tone|vibe|style|voice|personality")) {
			draft.item(key, matcher.group(1).strip() + ": " + value);
		}
		else {
			draft.item(key, value);
		}
		return true;
	}
}
