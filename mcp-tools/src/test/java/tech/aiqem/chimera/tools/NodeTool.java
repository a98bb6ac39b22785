package tech.aiqem.chimera.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the test-only node tools in {@code src/test/node} (package.json + lockfile in the repo),
 * installing them with {@code npm ci} the first time.
 */
public final class NodeTool {

	static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

	private NodeTool() {
	}

	public static synchronized void install() throws IOException, InterruptedException {
		if (Files.isDirectory(DIR.resolve("node_modules"))) {
			return;
		}
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
			throw new IllegalStateException("npm ci failed in " + DIR);
		}
	}

	/** Runs {@code node <script> <args>} to completion and returns its standard output. */
	public static String run(String script, String... args) throws IOException, InterruptedException {
		install();
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(args));
		File errors = File.createTempFile("node-", ".err");
		Process node = new ProcessBuilder(command).directory(DIR.toFile()).redirectError(errors).start();
		byte[] out = node.getInputStream().readAllBytes();
		if (!node.waitFor(2, TimeUnit.MINUTES) || node.exitValue() != 0) {
			throw new IllegalStateException("node " + script + " failed: " + Files.readString(errors.toPath()));
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	/** Starts a long-running node process (e.g. a server); the caller stops it. */
	public static Process start(String script, String... args) throws IOException, InterruptedException {
		install();
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
	}
}
