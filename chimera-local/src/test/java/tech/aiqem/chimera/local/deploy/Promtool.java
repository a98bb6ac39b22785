package tech.aiqem.chimera.local.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' {@code promtool}: {@code CHIMERA_PROMTOOL}, else on the PATH, else taken out of Debian's
 * {@code prometheus} package into {@code ~/.cache/chimera/promtool} (downloaded, unpacked, never installed
 * or started), as the browser tests take Debian's chromium.
 */
final class Promtool {

	private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "chimera", "promtool");

	private Promtool() {
	}

	static synchronized Path locate() throws IOException, InterruptedException {
		String configured = System.getenv("CHIMERA_PROMTOOL");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path unpacked = CACHE.resolve("usr/bin/promtool");
		if (!Files.isExecutable(unpacked)) {
			Files.createDirectories(CACHE);
			run(CACHE, List.of("apt-get", "download", "prometheus"));
			try (var debs = Files.list(CACHE)) {
				Path deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
					.orElseThrow(() -> new IllegalStateException("apt-get download prometheus left no .deb in " + CACHE));
				run(CACHE, List.of("dpkg", "-x", deb.toString(), CACHE.toString()));
				Files.delete(deb);
			}
		}
		return unpacked;
	}

	/** Runs promtool with {@code args}; returns its exit code and output. */
	static Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of(locate().toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool did not finish: " + command);
		}
		return new Result(process.exitValue(), output);
	}

	private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed (install Debian's prometheus package or set "
					+ "CHIMERA_PROMTOOL): " + output);
		}
	}

	record Result(int exitCode, String output) {
	}
}
