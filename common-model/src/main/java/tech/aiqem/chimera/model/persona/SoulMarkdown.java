package tech.aiqem.chimera.model.persona;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a persona file as people write it: markdown with any headings (recognised by meaning, see
 * {@link Part}), elizaOS character JSON and other persona JSON, CrewAI agent YAML, or plain text (a
 * system prompt, with or without an example dialogue). Sections it does not recognise are kept as
 * {@link Persona#prose()}; what is missing is a {@link Persona#warnings() warning}, not an error. Only
 * what cannot be a persona is refused: empty, not text, larger than {@link #MAX_BYTES}, or no name
 * anywhere.
 */
public final class SoulMarkdown {

	/** Large enough for elizaOS characters with long {@code knowledge} arrays (the largest seen is 85 KiB). */
	public static final int MAX_BYTES = 256 * 1024;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private SoulMarkdown() {
	}

	/** The persona of a stored or uploaded file; a file with no name anywhere is refused. */
	public static Persona parse(String source) {
		return parse(source, null);
	}

	/**
	 * The persona of a file, named {@code fallbackName} (with a warning) when the file itself names no one,
	 * as when an operator uploads an OpenClaw {@code SOUL.md} for an agent they name in the form.
	 */
	public static Persona parse(String source, String fallbackName) {
		if (source == null || source.isBlank()) {
			throw new SoulFormatException(0, "the file is empty; write who the persona is, e.g. '# Name' and a few sections");
		}
		if (source.length() > MAX_BYTES) {
			throw new SoulFormatException(0, "the file is larger than " + MAX_BYTES / 1024 + " KiB");
		}
		if (!isText(source)) {
			throw new SoulFormatException(0, "the file is not text (it holds control characters); upload a markdown, JSON or text persona");
		}
		String text = source.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
		PersonaDraft draft = new PersonaDraft();
		String trimmed = text.strip();
		JsonNode structured = null;
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			structured = tree(JSON, trimmed);
			if (structured == null) {
				throw new SoulFormatException(0, "the file starts like JSON but is not valid JSON");
			}
		}
		else if (!MarkdownPersona.looksLikeMarkdown(text) && trimmed.matches("(?s)^[\\w-]+:\\s*\\n.*")) {
			structured = tree(YAML, trimmed);
		}
		if (structured != null) {
			CharacterJson.read(structured, draft);
		}
		else if (titledProse(trimmed)) {
			int end = trimmed.indexOf('\n');
			MarkdownPersona.read(trimmed.substring(0, end), draft);
			Prose.readPlain(trimmed.substring(end + 1), draft);
		}
		else if (MarkdownPersona.looksLikeMarkdown(text)) {
			MarkdownPersona.read(text, draft);
		}
		else {
			Prose.readPlain(text, draft);
		}
		return draft.build(fallbackName);
	}

	/** A {@code # Name} title over plain prose (a system prompt given a title): the prose is read as plain text. */
	private static boolean titledProse(String trimmed) {
		int end = trimmed.indexOf('\n');
		return trimmed.startsWith("# ") && end > 0 && !MarkdownPersona.looksLikeMarkdown(trimmed.substring(end + 1));
	}

	private static JsonNode tree(ObjectMapper mapper, String text) {
		try {
			JsonNode node = mapper.readTree(text);
			return node != null && (node.isObject() || node.isArray()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isText(String source) {
		int control = 0;
		for (int i = 0; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
				control++;
			}
		}
		return control == 0 || control * 100 < source.length() && source.indexOf('\0') < 0;
	}
}
