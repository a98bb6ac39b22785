package tech.aiqem.chimera.judge.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;

/**
 * The shared public datasets, read at run time (never copied into the repository): {@code shared/datasets}
 * next to the repository root, found by walking up from the working directory; {@code -Dchimera.datasets}
 * or {@code CHIMERA_DATASETS} override it.
 */
public final class Datasets {

	/** One labelled record of a jsonl file. */
	public record Record(String text, String label, String kind, String source, String origLabel) {
	}

	private Datasets() {
	}

	public static Path root() {
		String override = System.getProperty("chimera.datasets", System.getenv("CHIMERA_DATASETS"));
		if (override != null && !override.isBlank()) {
			return Path.of(override);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/datasets");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
			Path sibling = dir.resolveSibling("shared/datasets");
			if (Files.isDirectory(sibling)) {
				return sibling;
			}
		}
		throw new IllegalStateException("no shared/datasets found above " + Path.of("").toAbsolutePath());
	}

	public static List<Record> read(String relative) {
		List<Record> records = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(root().resolve(relative))) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = ChimeraJson.tree(line);
				records.add(new Record(node.path("text").asString(""), node.path("label").asString(""),
						node.path("kind").asString(""), node.path("source").asString(""), node.path("orig_label").asString("")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	public static String file(String relative) {
		try {
			return Files.readString(root().resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
