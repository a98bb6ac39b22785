package tech.aiqem.chimera.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every environment variable the deployed services read: {@code ${VAR}} / {@code ${VAR:default}}
 * placeholders in their main code and configuration, and variables read by name
 * ({@code getProperty("VAR")}, {@code System.getenv("VAR")}). The launcher and the embedded test servers
 * are not deployed, and a few variables exist only for them.
 */
final class EnvironmentVariables {

	private static final Set<String> NOT_DEPLOYED = Set.of("chimera-local", "chimera-embedded");

	/** Read only by the local development chain (chimera-embedded's LocalChain), which a cluster never starts. */
	private static final Map<String, String> LOCAL_ONLY = Map.of("CHIMERA_CHAIN_DIR", "local chain data directory",
			"CHIMERA_REPO_ROOT", "finds the local chain's npm packages in a checkout", "CHIMERA_DATASETS",
			"chimera-safety's training and evaluation programs: where the datasets are, in a checkout");

	/**
	 * Read through Spring's relaxed binding rather than by name in our code, and needed in a cluster:
	 * the deployment must set them, so they count as read.
	 */
	static final Map<String, String> RELAXED_BINDING = Map.of("SENTRY_DSN", "sentry.dsn (Sentry's starter)",
			"CHIMERA_WORKER_SHUTDOWNGRACE", "chimera.worker.shutdown-grace", "CHIMERA_MEMORY_STORE", "chimera.memory.store");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

	private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

	private static final Pattern BY_NAME = Pattern.compile("(?:getProperty|getenv)\\(\"([A-Z][A-Z0-9_]*)\"");

	private EnvironmentVariables() {
	}

	static Set<String> readByServices(Path root) {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main"))).toList()) {
				if (!NOT_DEPLOYED.contains(module.getFileName().toString())) {
					collectModule(module, names);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		names.removeAll(LOCAL_ONLY.keySet());
		names.addAll(RELAXED_BINDING.keySet());
		return names;
	}

	/**
	 * The variables one service can read: its own module's and those of the project modules it depends on
	 * at run time (its pom's dependencies, transitively; test-scoped ones and the local-only modules left out).
	 */
	static Set<String> readBy(Path root, String service) {
		Set<String> modules = new TreeSet<>();
		runtimeModules(root, service, modules);
		Set<String> names = new TreeSet<>();
		for (String module : modules) {
			collectModule(root.resolve(module), names);
		}
		names.removeAll(LOCAL_ONLY.keySet());
		names.addAll(RELAXED_BINDING.keySet());
		return names;
	}

	private static void runtimeModules(Path root, String module, Set<String> into) {
		if (NOT_DEPLOYED.contains(module) || !Files.isDirectory(root.resolve(module).resolve("src/main")) || !into.add(module)) {
			return;
		}
		Matcher dependency = DEPENDENCY.matcher(Repository.read(root.resolve(module).resolve("pom.xml")));
		while (dependency.find()) {
			String block = dependency.group(1);
			Matcher artifact = ARTIFACT.matcher(block);
			if (artifact.find() && !block.contains("<scope>test</scope>")) {
				runtimeModules(root, artifact.group(1), into);
			}
		}
	}

	private static void collectModule(Path module, Set<String> names) {
		try (Stream<Path> files = Files.walk(module.resolve("src/main"))) {
			files.filter(Files::isRegularFile)
				.filter(f -> f.toString().matches(".*\\.(java|yml|yaml|properties)$"))
				.forEach(f -> collect(Repository.read(f), names));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collect(String text, Set<String> names) {
		for (Pattern pattern : new Pattern[] { PLACEHOLDER, BY_NAME }) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
	}
}
