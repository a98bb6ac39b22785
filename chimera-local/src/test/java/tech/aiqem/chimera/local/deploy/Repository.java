package tech.aiqem.chimera.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** The checked-out repository the deployment files describe: its service modules, their ports and main classes. */
final class Repository {

	static final List<String> SERVICES = List.of("orchestrator-api", "planner-service", "worker-service",
			"judge-service", "mcp-tools");

	private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}");

	private Repository() {
	}

	static Path root() {
		Path root = Path.of(System.getenv().getOrDefault("CHIMERA_REPO_ROOT", "..")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("k8s"))) {
			throw new IllegalStateException("not the repository root (no pom.xml and k8s/): " + root);
		}
		return root;
	}

	/** {@code server.port} of a service's application.yml (the default of a {@code ${VAR:port}} placeholder). */
	@SuppressWarnings("unchecked")
	static int serverPort(String module) {
		for (Object document : new Yaml().loadAll(read(root().resolve(module).resolve("src/main/resources/application.yml")))) {
			if (document instanceof Map<?, ?> map && map.get("server") instanceof Map<?, ?> server && server.get("port") != null) {
				String port = String.valueOf(server.get("port"));
				Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(port);
				return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : port);
			}
		}
		throw new IllegalStateException(module + " has no server.port in application.yml");
	}

	/** The fully qualified name of the module's {@code @SpringBootApplication} class. */
	static String mainClass(String module) {
		Path sources = root().resolve(module).resolve("src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			List<Path> mains = files.filter(p -> p.toString().endsWith(".java"))
				.filter(p -> read(p).contains("@SpringBootApplication"))
				.toList();
			if (mains.size() != 1) {
				throw new IllegalStateException(module + " has " + mains.size() + " @SpringBootApplication classes: " + mains);
			}
			String name = sources.relativize(mains.get(0)).toString();
			return name.substring(0, name.length() - ".java".length()).replace('/', '.');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
