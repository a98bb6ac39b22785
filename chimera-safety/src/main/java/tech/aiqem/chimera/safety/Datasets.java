package tech.aiqem.chimera.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * The public datasets in {@code ../shared/datasets/} (never copied into the repository): found by walking
 * up from the working directory until a {@code shared/datasets} sibling exists, or at the path in the
 * {@code chimera.datasets} system property or the {@code CHIMERA_DATASETS} environment variable.
 */
final class Datasets {

	private Datasets() {
	}

	static Path root() {
		String configured = System.getProperty("chimera.datasets", System.getenv("CHIMERA_DATASETS"));
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolveSibling("shared").resolve("datasets");
			if (dir.getParent() != null && Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/datasets next to " + Path.of("").toAbsolutePath()
				+ " or any parent; set -Dchimera.datasets=... or CHIMERA_DATASETS");
	}

	/** The records of {@code <task>/<split>.jsonl}, in file order. */
	static List<Example> read(String task, String split) {
		Path file = root().resolve(task).resolve(split + ".jsonl");
		try {
			List<Example> examples = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode row = LearnedHead.JSON.readTree(line);
				String source = sourceName(row.get("source").asString());
				if (task.equals("safety")) {
					// safety sources are whole collections (Vicomtech keeps one file per sentence, TOXIGEN one per label)
					source = source.contains(" ") ? source.substring(0, source.indexOf(' ')) : source;
				}
				examples.add(new Example(row.get("text").asString(), row.get("label").asString(), row.get("kind").asString(), source));
			}
			return examples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "owner/repo@commit:dir/file.json" reads as "owner/repo file.json" (the commit is in the README). */
	static String sourceName(String source) {
		int at = source.indexOf('@');
		int colon = source.indexOf(':', Math.max(at, 0));
		String repo = at > 0 ? source.substring(0, at) : source;
		String path = colon > 0 ? source.substring(colon + 1) : "";
		String file = path.substring(path.lastIndexOf('/') + 1);
		return file.isEmpty() ? repo : repo + " " + file;
	}

	/**
	 * A stratified split: within each (label, source) stratum, a fixed-seed shuffle sends
	 * {@code fraction} of the records to validation. Returns a validation flag per record.
	 */
	static boolean[] validationSplit(List<Example> examples, double fraction, long seed) {
		Map<String, List<Integer>> strata = new LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			strata.computeIfAbsent(examples.get(i).label() + "|" + examples.get(i).source(), k -> new ArrayList<>()).add(i);
		}
		boolean[] validation = new boolean[examples.size()];
		strata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			List<Integer> members = new ArrayList<>(entry.getValue());
			members.sort(Comparator.naturalOrder());
			java.util.Collections.shuffle(members, new Random(seed ^ entry.getKey().hashCode()));
			long count = Math.round(members.size() * fraction);
			for (int i = 0; i < count; i++) {
				validation[members.get(i)] = true;
			}
		});
		return validation;
	}

	/**
	 * At most {@code cap} records of each (label, source) stratum, a fixed-seed sample, in file order:
	 * keeps the big strata (15,000 Davidson "offensive" tweets, 9,000 Vicomtech sentences) from costing most of the embedding time (tens of ms a text on a shared 2-core machine)
	 * while adding little the sample weights would not cancel anyway.
	 */
	static List<Example> capPerStratum(List<Example> examples, int cap, long seed) {
		Map<String, List<Integer>> strata = new LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			strata.computeIfAbsent(examples.get(i).label() + "|" + examples.get(i).source(), k -> new ArrayList<>()).add(i);
		}
		boolean[] keep = new boolean[examples.size()];
		strata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			List<Integer> members = new ArrayList<>(entry.getValue());
			java.util.Collections.shuffle(members, new Random(seed ^ entry.getKey().hashCode()));
			members.stream().limit(cap).forEach(i -> keep[i] = true);
		});
		List<Example> kept = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			if (keep[i]) {
				kept.add(examples.get(i));
			}
		}
		return kept;
	}

	record Example(String text, String label, String kind, String source) {
	}
}
