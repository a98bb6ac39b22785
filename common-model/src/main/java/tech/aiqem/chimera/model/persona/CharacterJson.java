package tech.aiqem.chimera.model.persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads structured personas: elizaOS character JSON ({@code name}, {@code bio}, {@code lore},
 * {@code style{all,chat,post}}, {@code topics}, {@code adjectives}, {@code messageExamples},
 * {@code postExamples}, {@code knowledge}, {@code system}), character cards ({@code description},
 * {@code personality}, {@code scenario}, {@code mes_example}), exports that wrap one ({@code data.rows[0]}),
 * lists of personas, and CrewAI agent YAML ({@code role}, {@code goal}, {@code backstory}).
 */
final class CharacterJson {

	private static final Set<String> PERSONA_FIELDS = Set.of("bio", "description", "personality", "roleinstruction",
			"system", "lore", "role", "backstory", "title", "style", "adjectives", "topics", "persona");

	private static final Set<String> IGNORED = Set.of("clients", "modelprovider", "settings", "plugins", "username",
			"imageurl", "avatar", "llm", "phone", "id", "uuid", "$types", "schedule", "twitterspaces", "commenting",
			"modelname", "temperature", "creationtime", "lastmessagetime", "folderpath", "scene", "customcode",
			"formatname", "formatversion", "textembeddingmodelname", "imagepromptprefix", "imagepromptsuffix");

	private CharacterJson() {
	}

	static void read(JsonNode root, PersonaDraft draft) {
		List<JsonNode> found = new ArrayList<>();
		collect(root, found, 0);
		if (found.isEmpty()) {
			throw new SoulFormatException(0, "no persona in this JSON/YAML: no object with a \"name\" (or \"role\") and a description");
		}
		JsonNode persona = found.get(0);
		if (found.size() > 1) {
			draft.note("the file holds " + found.size() + " personas; the first, '" + label(persona) + "', is used");
		}
		String name = text(persona.get("name"));
		draft.name(name.isEmpty() ? text(persona.get("role")) : name, false);
		for (Map.Entry<String, JsonNode> field : persona.properties()) {
			field(field.getKey(), field.getValue(), draft);
		}
	}

	private static String label(JsonNode persona) {
		String name = text(persona.get("name"));
		return name.isEmpty() ? text(persona.get("role")) : name;
	}

	/** Objects that look like a persona: a name or role and at least one describing field; depth-first, in order. */
	private static void collect(JsonNode node, List<JsonNode> found, int depth) {
		if (depth > 6 || node == null) {
			return;
		}
		if (node.isObject()) {
			boolean named = node.path("name").isString() || node.path("role").isString();
			boolean described = false;
			for (String key : node.propertyNames()) {
				described |= PERSONA_FIELDS.contains(key.toLowerCase(java.util.Locale.ROOT));
			}
			if (named && described) {
				found.add(node);
				return;
			}
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collect(field.getValue(), found, depth + 1);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, found, depth + 1);
			}
		}
	}

	private static void field(String key, JsonNode value, PersonaDraft draft) {
		String k = key.toLowerCase(java.util.Locale.ROOT).replace("_", "");
		if (IGNORED.contains(k) || k.equals("name")) {
			return;
		}
		switch (k) {
			case "bio", "description", "backstory", "title", "role" -> strings(value).forEach(s -> draft.text(Part.IDENTITY, sentence(s)));
			case "personality", "adjectives" -> {
				List<String> words = strings(value);
				if (words.size() > 1 && words.stream().allMatch(w -> w.split("\\s+").length <= 3)) {
					draft.item(Part.VOICE, "Comes across as " + String.join(", ", words));
				}
				else {
					words.forEach(w -> draft.text(Part.VOICE, sentence(w)));
				}
			}
			case "style" -> {
				if (value.isObject()) {
					strings(value.get("all")).forEach(s -> draft.item(Part.VOICE, s));
					strings(value.get("post")).forEach(s -> draft.item(Part.VOICE, "In posts: " + s));
					List<String> chat = strings(value.get("chat"));
					if (!chat.isEmpty()) {
						draft.text(Part.OTHER, "In conversation: " + String.join("; ", chat));
					}
				}
				else {
					strings(value).forEach(s -> draft.item(Part.VOICE, s));
				}
			}
			case "topics", "interests" -> strings(value).forEach(s -> draft.item(Part.TOPICS, s));
			case "forbiddentopics", "avoid", "boundaries" -> strings(value).forEach(s -> draft.item(Part.FORBIDDEN, s));
			case "approvedbrands", "brands", "partners", "sponsors" -> strings(value).forEach(s -> draft.item(Part.BRANDS, s));
			case "disclosure" -> strings(value).forEach(s -> draft.text(Part.DISCLOSURE, s));
			case "languages", "language" -> strings(value).forEach(s -> draft.item(Part.LANGUAGES, s));
			case "postexamples", "firstmes", "mesexample" -> strings(value).forEach(s -> draft.item(Part.EXAMPLES, s));
			case "messageexamples", "examples" -> examples(value, draft);
			case "lore", "knowledge", "goal", "scenario" -> {
				List<String> lines = strings(value);
				if (!lines.isEmpty()) {
					draft.text(Part.OTHER, "## " + key);
					lines.forEach(s -> draft.text(Part.OTHER, s));
				}
			}
			default -> {
				if (value.isString() && value.asString().contains("\n#")) {
					MarkdownPersona.read(value.asString(), draft);
				}
				else if (value.isString() && value.asString().length() >= 40) {
					draft.text(Part.OTHER, key + ": " + value.asString());
				}
			}
		}
	}

	/** The persona's own lines of elizaOS {@code messageExamples} (or {@code examples} with an assistant side). */
	private static void examples(JsonNode value, PersonaDraft draft) {
		List<JsonNode> messages = new ArrayList<>();
		for (JsonNode conversation : value) {
			if (conversation.isArray()) {
				conversation.forEach(messages::add);
			}
			else {
				messages.add(conversation);
			}
		}
		for (JsonNode message : messages) {
			String user = text(message.get("user"));
			String line = text(message.path("content").get("text"));
			if (!text(message.get("assistant")).isEmpty()) {
				line = text(message.get("assistant"));
				user = draft.name();
			}
			if (!line.isEmpty() && user != null && draft.name() != null && user.equalsIgnoreCase(draft.name())) {
				draft.item(Part.EXAMPLES, line);
			}
		}
	}

	private static List<String> strings(JsonNode value) {
		List<String> out = new ArrayList<>();
		if (value == null || value.isNull()) {
			return out;
		}
		if (value.isArray()) {
			for (JsonNode element : value) {
				out.addAll(strings(element));
			}
		}
		else if (value.isValueNode()) {
			String text = value.asString().strip();
			if (!text.isEmpty()) {
				out.add(text);
			}
		}
		else if (value.isObject()) {
			for (JsonNode element : value) {
				out.addAll(strings(element));
			}
		}
		return out;
	}

	private static String text(JsonNode node) {
		return node != null && node.isValueNode() ? node.asString().strip() : "";
	}

	private static String sentence(String text) {
		return text.matches("(?s).*[.!?\"”)]$") ? text : text + ".";
	}
}
