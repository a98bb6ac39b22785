package tech.aiqem.chimera.judge.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.judge.core.Datasets;
import tech.aiqem.chimera.judge.core.SafetyPorts;
import tech.aiqem.chimera.judge.core.checks.SentenceEncoder;
import tech.aiqem.chimera.judge.core.checks.TopicCheck;
import tech.aiqem.chimera.model.ChimeraJson;

/**
 * How the on-persona threshold for personas with example posts of their own was chosen
 * ({@code TopicCheck.ON_PERSONA_WITH_EXAMPLES}), on texts that are not suite items: positives are the benchmark
 * personas' own lines in their files' message examples (in character, never judged by the suite), negatives
 * 440 clean Davidson tweets of the safety train file (after the 300 CalibrateTopics uses) placed in the same
 * personas. For the topic/identity similarity alone, the similarity to the closest of the persona's post
 * examples, and the better of the two, it prints the threshold at 5 % and 3 % of the negatives and the share
 * of positives above it. Run: {@code ./mvnw -q -o -pl judge-core -am test-compile -Pjudge-bench
 * -Dbench.main=tech.aiqem.chimera.judge.core.bench.CalibrateExamples}.
 */
public final class CalibrateExamples {

	public static void main(String[] args) {
		SentenceEncoder encoder = SafetyPorts.encoder();
		TopicCheck topics = new TopicCheck(encoder);
		List<String> tweets = Datasets.read("safety/train.jsonl").stream()
			.filter(r -> r.label().equals("clean") && r.source().startsWith("t-davidson")).skip(300).limit(440).map(Datasets.Record::text).toList();
		List<double[]> pos = new ArrayList<>();
		List<double[]> neg = new ArrayList<>();
		int turn = 0;
		for (SuitePersonas.SuitePersona p : SuitePersonas.load()) {
			JsonNode json = ChimeraJson.tree(Datasets.file("personas/" + p.file()));
			String name = json.path("name").asString();
			List<float[]> examples = p.posts().stream().map(encoder::embed).toList();
			List<String> lines = new ArrayList<>();
			json.path("messageExamples").forEach(conv -> conv.forEach(m -> {
				String user = m.path("user").asString("");
				String text = m.path("content").path("text").asString("");
				if (!text.isBlank() && !user.startsWith("{{") && user.equalsIgnoreCase(name)) {
					lines.add(text);
				}
			}));
			for (String line : lines) {
				pos.add(scores(topics, encoder, examples, line, p));
			}
			for (int i = 0; i < 40; i++) {
				neg.add(scores(topics, encoder, examples, tweets.get(turn++ % tweets.size()), p));
			}
		}
		System.out.printf(Locale.ROOT, "positives (persona message lines) %d, negatives (clean train tweets) %d%n", pos.size(), neg.size());
		for (int k = 0; k < 3; k++) {
			int kk = k;
			String name = new String[] { "topic/identity (now)", "own post examples", "max of both" }[k];
			List<Double> n = neg.stream().map(s -> s[kk]).sorted().toList();
			for (double fpr : new double[] { 0.05, 0.03 }) {
				double threshold = n.get((int) Math.ceil(n.size() * (1 - fpr)) - 1);
				long recall = pos.stream().filter(s -> s[kk] > threshold).count();
				System.out.printf(Locale.ROOT, "  %-22s at %.0f %% of negatives: threshold %.3f, positives on-persona %d/%d = %.3f%n", name, fpr * 100,
						threshold, recall, pos.size(), recall / (double) pos.size());
			}
		}
	}

	private static double[] scores(TopicCheck topics, SentenceEncoder encoder, List<float[]> examples, String text, SuitePersonas.SuitePersona p) {
		double topic = topics.match(text, p.persona()).similarity();
		float[] v = encoder.embed(text);
		double example = 0;
		for (float[] e : examples) {
			example = Math.max(example, SentenceEncoder.cosine(v, e));
		}
		return new double[] { topic, example, Math.max(topic, example) };
	}
}
