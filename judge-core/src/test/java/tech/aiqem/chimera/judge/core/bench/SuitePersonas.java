package tech.aiqem.chimera.judge.core.bench;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/**
 * The suite's persona contexts, built at run time from the public elizaOS character files in
 * {@code shared/datasets/personas}: name, bio, lore and knowledge as the identity (the people and things the
 * operator wrote into the persona), adjectives as the voice, topics as
 * topics, post examples as the persona's own clean posts. The forbidden topics and approved brands are the
 * suite's choice (the character files have none): every persona forbids politics and religion, and Snoop's
 * approves the businesses its file calls its own.
 */
final class SuitePersonas {

	/** The character files used, in this order (those with both topics and post examples). */
	static final List<String> FILES = List.of("elizaOS-characters/kermit.character.json", "elizaOS-characters/fozzie.character.json",
			"elizaOS-characters/waldorf.character.json", "elizaOS-characters/lex.character.json", "elizaOS-characters/shaw.json",
			"elizaOS-characters/snoop.json", "elizaOS-characters/alfred.character.json", "elizaOS-characters/Anakin Skywalker",
			"elizaOS-characters/friday.character.json", "elizaOS-characters/eternalai.character.json",
			"elizaOS-characters/sol.character.json");

	static final List<String> FORBIDDEN = List.of("politics", "religion");

	/** The partners an operator of that persona would approve: the businesses its file describes as its own. */
	static final java.util.Map<String, List<String>> APPROVED = java.util.Map.of("elizaOS-characters/snoop.json",
			List.of("Death Row", "Death Row Records", "Death Row Cannabis", "Martha Stewart", "VH1"));

	/** A persona and its own posts. */
	record SuitePersona(String file, Persona persona, List<String> posts) {

		/**
		 * The persona with its own posts as its examples, as an operator's character file has them, less any
		 * the judged text contains: a post of the persona is never judged against itself.
		 */
		Persona personaFor(String text) {
			List<String> examples = this.posts.stream().filter(post -> !text.contains(post.strip())).toList();
			Persona p = this.persona;
			return new Persona(p.name(), p.identity(), p.voice(), p.topics(), p.forbiddenTopics(), p.approvedBrands(), p.disclosure(),
					p.languages(), p.prose(), examples, p.warnings());
		}
	}

	private SuitePersonas() {
	}

	static List<SuitePersona> load() {
		List<SuitePersona> personas = new ArrayList<>();
		for (String file : FILES) {
			JsonNode json = ChimeraJson.tree(Datasets.file("personas/" + file));
			StringBuilder soul = new StringBuilder("# ").append(line(json.path("name").asString())).append("\n## Identity\n");
			List<String> identity = new ArrayList<>(strings(json.path("bio")));
			identity.addAll(strings(json.path("lore")));
			identity.addAll(strings(json.path("knowledge")));
			String prose = line(String.join(" ", identity));
			soul.append(prose.length() > 6000 ? prose.substring(0, 6000) : prose).append("\n## Voice\n");
			for (String adjective : strings(json.path("adjectives"))) {
				soul.append("- ").append(item(adjective)).append('\n');
			}
			if (strings(json.path("adjectives")).isEmpty()) {
				soul.append("- in character\n");
			}
			soul.append("## Topics\n");
			for (String topic : strings(json.path("topics"))) {
				soul.append("- ").append(item(topic.replace('_', ' '))).append('\n');
			}
			soul.append("## Forbidden topics\n");
			FORBIDDEN.forEach(topic -> soul.append("- ").append(topic).append('\n'));
			List<String> approved = APPROVED.getOrDefault(file, List.of());
			if (!approved.isEmpty()) {
				soul.append("## Approved brands\n");
				approved.forEach(brand -> soul.append("- ").append(brand).append('\n'));
			}
			soul.append("## Disclosure\nautomated\n");
			personas.add(new SuitePersona(file, SoulMarkdown.parse(soul.toString()), strings(json.path("postExamples"))));
		}
		return personas;
	}

	static List<String> strings(JsonNode node) {
		List<String> out = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(n -> {
				if (!n.asString("").isBlank()) {
					out.add(n.asString());
				}
			});
		}
		else if (!node.asString("").isBlank()) {
			out.add(node.asString());
		}
		return out;
	}

	private static String line(String value) {
		return value.replaceAll("\\s+", " ").replace("#", "").strip();
	}

	private static String item(String value) {
		String one = line(value);
		return one.length() > 200 ? one.substring(0, 200) : one;
	}
}
