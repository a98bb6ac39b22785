package tech.aiqem.chimera.model.persona;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real persona files of {@code ../shared/datasets/personas/} (never copied into the repository):
 * found by walking up from the working directory to the folder whose sibling is {@code shared/datasets},
 * or at {@code -Dchimera.datasets} / {@code CHIMERA_DATASETS}.
 */
final class PersonaDatasets {

	private PersonaDatasets() {
	}

	static Path root() {
		String configured = System.getProperty("chimera.datasets", System.getenv("CHIMERA_DATASETS"));
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolveSibling("shared").resolve("datasets");
			if (Files.isDirectory(candidate.resolve("personas"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("../shared/datasets not found above " + Path.of("").toAbsolutePath()
				+ "; set -Dchimera.datasets");
	}

	/** Every persona file (the folder's README excepted), by path relative to {@code personas/}. */
	static List<String> personaFiles() {
		Path personas = root().resolve("personas");
		try (Stream<Path> files = Files.walk(personas)) {
			return files.filter(Files::isRegularFile)
				.map(file -> personas.relativize(file).toString().replace('\\', '/'))
				.filter(name -> !name.equals("README.md"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(String relative) {
		try {
			return Files.readString(root().resolve("personas").resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
