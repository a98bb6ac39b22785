package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the launcher runs: where the repository (and so the built jars) is, where it keeps its data,
 * the ports, the time scale of the demo clock, and the servers to use instead of embedded ones.
 */
record LocalOptions(Path home, Path dataDir, Map<Service, Integer> ports, double timeScale, String postgresUrl,
		String redisUrl, String javaOpts, boolean restartCrashed, Map<String, String> extraEnv) {

	LocalOptions {
		extraEnv = Map.copyOf(extraEnv == null ? Map.of() : extraEnv);
	}

	LocalOptions(Path home, Path dataDir, Map<Service, Integer> ports, double timeScale, String postgresUrl,
			String redisUrl, String javaOpts, boolean restartCrashed) {
		this(home, dataDir, ports, timeScale, postgresUrl, redisUrl, javaOpts, restartCrashed, Map.of());
	}

	/** The same options with more environment for the services (tests use it to set thresholds and keys). */
	LocalOptions withEnv(Map<String, String> more) {
		Map<String, String> env = new java.util.HashMap<>(this.extraEnv);
		env.putAll(more);
		return new LocalOptions(this.home, this.dataDir, this.ports, this.timeScale, this.postgresUrl, this.redisUrl,
				this.javaOpts, this.restartCrashed, env);
	}

	/** The same options, with variables every service gets on top of the launcher's (e.g. a test's settings). */
	LocalOptions withExtraEnv(Map<String, String> variables) {
		return withEnv(variables);
	}

	/** A service's base URL on this machine. */
	String url(Service service) {
		return "http://localhost:" + this.ports.get(service);
	}

	/** Where a service's output goes. */
	Path logFile(Service service) {
		return this.dataDir.resolve("logs").resolve(service.module() + ".log");
	}

	/** The JVM options every service gets unless CHIMERA_JAVA_OPTS says otherwise; heaps are per service ({@link Service}). */
	static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m";

	static LocalOptions fromEnvironment(Map<String, String> env, String[] args) {
		Path home = Path.of(env.getOrDefault("CHIMERA_HOME", ".")).toAbsolutePath().normalize();
		Path data = Path.of(env.getOrDefault("CHIMERA_DATA_DIR", home.resolve(".chimera").toString()));
		int basePort = Integer.parseInt(env.getOrDefault("CHIMERA_BASE_PORT", "8080"));
		double scale = Double.parseDouble(env.getOrDefault("CHIMERA_TIME_SCALE", "1440"));
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--base-port" -> basePort = Integer.parseInt(value(args, ++i, "--base-port"));
				case "--time-scale" -> scale = Double.parseDouble(value(args, ++i, "--time-scale"));
				case "--data-dir" -> data = Path.of(value(args, ++i, "--data-dir"));
				case "--help", "-h" -> throw new UsageException(usage());
				default -> throw new UsageException("Unknown option '" + args[i] + "'\n" + usage());
			}
		}
		if (scale <= 0) {
			throw new UsageException("--time-scale must be positive, got " + scale);
		}
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, basePort + (service.defaultPort() - 8080));
		}
		return new LocalOptions(home, data.toAbsolutePath().normalize(), ports, scale, blankToNull(env.get("POSTGRES_URL")),
				blankToNull(env.get("REDIS_URL")), env.getOrDefault("CHIMERA_JAVA_OPTS", DEFAULT_JAVA_OPTS), true,
				Map.of());
	}

	/** The usage text, shared with the {@code ./chimera} script (which prints it without building). */
	static String usage() {
		try (java.io.InputStream in = LocalOptions.class.getResourceAsStream("/chimera-usage.txt")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
		}
		catch (java.io.IOException | NullPointerException ex) {
			return "Usage: ./chimera [--base-port 8080] [--time-scale 1440] [--data-dir .chimera]";
		}
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new UsageException(option + " needs a value");
		}
		return args[i];
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}
	}
}
