package tech.aiqem.chimera.judge.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.SafetyPorts;
import tech.aiqem.chimera.judge.core.checks.TopicCheck;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/**
 * How the on-persona similarity threshold was chosen, on data outside the persona suite: the post examples
 * of persona files the suite does not use (positives) against Davidson "neither" tweets of the safety
 * train file placed in the same personas (negatives). Prints both distributions' percentiles, and the same for the forbidden-topic similarity.
 * Run: {@code ./mvnw -q -o -pl judge-core -am test-compile -Pjudge-bench -Dbench.main=...CalibrateTopics}.
 */
public final class CalibrateTopics {

	static final List<String> FILES = List.of("elizaOS-characters/c3po.character.json", "elizaOS-characters/dobby.character.json",
			"haifu-waifu-characters/sayuri-crossmint.character.json", "elizaOS-eliza-starter/eliza.character.json");

	private CalibrateTopics() {
	}

	public static void main(String[] args) {
		TopicCheck topics = new TopicCheck(SafetyPorts.encoder());
		List<Double> positives = new ArrayList<>();
		List<Double> negatives = new ArrayList<>();
		List<String> tweets = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.label().equals("clean") && r.source().startsWith("t-davidson")).limit(300).map(Datasets.Record::text).toList();
		int turn = 0;
		for (String file : FILES) {
			JsonNode json = ChimeraJson.tree(Datasets.file("personas/" + file));
			StringBuilder soul = new StringBuilder("# ").append(json.path("name").asString()).append("\n## Identity\n");
			List<String> identity = new ArrayList<>(SuitePersonas.strings(json.path("bio")));
			identity.addAll(SuitePersonas.strings(json.path("lore")));
			soul.append(String.join(" ", identity).replaceAll("\\s+", " ").replace("#", "")).append("\n## Voice\n- in character\n## Topics\n");
			List<String> listed = SuitePersonas.strings(json.path("topics")).stream().filter(t -> !t.isBlank()).toList();
			(listed.isEmpty() ? List.of("conversation") : listed).forEach(t -> soul.append("- ").append(t.length() > 200 ? t.substring(0, 200) : t).append('\n'));
			Persona persona = SoulMarkdown.parse(soul.toString());
			for (String post : SuitePersonas.strings(json.path("postExamples"))) {
				positives.add(topics.match(post, persona).similarity());
			}
			for (int i = 0; i < 75; i++) {
				negatives.add(topics.match(tweets.get(turn++ % tweets.size()), persona).similarity());
			}
		}
		print("own posts (positives)", positives);
		print("clean tweets (negatives)", negatives);
		// the forbidden-topic similarity: TOXIGEN's neutral statements about religious groups against clean tweets
		var encoder = SafetyPorts.encoder();
		float[] religion = encoder.embed("religion");
		List<Double> religious = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.source().contains("TOXIGEN") && (r.origLabel().equals("neutral:muslim") || r.origLabel().equals("neutral:jewish")))
			.map(r -> tech.aiqem.chimera.judge.core.checks.SentenceEncoder.cosine(encoder.embed(r.text()), religion)).toList();
		List<Double> other = tweets.stream().map(t -> tech.aiqem.chimera.judge.core.checks.SentenceEncoder.cosine(encoder.embed(t), religion)).toList();
		print("religious statements", religious);
		print("clean tweets vs religion", other);
	}

	private static void print(String name, List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s n=%3d", name, sorted.size()));
		for (int p : new int[] { 5, 10, 25, 50, 75, 90, 95 }) {
			line.append(String.format(Locale.ROOT, "  p%d %.2f", p, sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100))));
		}
		System.out.println(line);
	}
}
