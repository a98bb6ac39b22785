package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import tech.aiqem.chimera.embedded.FreePorts;

/**
 * One running Chimera (every service in its own process, started by the launcher) for the test classes
 * that only use it: started by the first class that asks, stopped when the whole test run ends. Starting
 * the services is most of what such a class costs, so they share one: each class creates its own agents
 * and looks only at them.
 * <p>
 * Settings: a campaign day passes in about four seconds (×20000) and a whole 5-day campaign is planned at
 * once; results below 0.90 confidence go to a human; the admin signs in with {@link #ADMIN_EMAIL}.
 */
final class SharedChimera implements BeforeAllCallback {

	static final String ADMIN_EMAIL = "admin@e2e.test";

	static final String ADMIN_PASSWORD = "e2e-admin-password-not-secret";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedChimera.class);

	private static volatile ChimeraLocal running;

	/** The running services; only inside a class extended with this. */
	static ChimeraLocal chimera() {
		if (running == null) {
			throw new IllegalStateException("no shared Chimera: extend the test class with @ExtendWith(SharedChimera.class)");
		}
		return running;
	}

	/** The admin's API client. */
	static Api api() {
		return Api.asAdmin(chimera().url(Service.ORCHESTRATOR), ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// the root store closes what it holds when the whole run ends
		running = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stack.class, key -> Stack.start(), Stack.class).local();
	}

	private record Stack(ChimeraLocal local, Path data) implements AutoCloseable {

		static Stack start() {
			try {
				// Under target/, so that the services' logs stay for whoever reads a failure.
				Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-");
				Map<String, String> env = new HashMap<>();
				env.put("CHIMERA_HOME", RunningChimera.repositoryRoot().toString());
				env.put("CHIMERA_DATA_DIR", data.toString());
				env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
				env.put("CHIMERA_TIME_SCALE", "20000");
				LocalOptions options = LocalOptions.fromEnvironment(env, new String[0])
					.withEnv(Map.of("HITL_CONFIDENCE_THRESHOLD", "0.90", "CHIMERA_PLANNER_PLAN_AHEAD", "144h",
							"SANDBOX_MENTIONS_WINDOW", "48h", "CHIMERA_ADMIN_EMAIL", ADMIN_EMAIL, "CHIMERA_ADMIN_PASSWORD",
							ADMIN_PASSWORD));
				return new Stack(ChimeraLocal.start(options, Duration.ofSeconds(240)), data);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Chimera did not start for the tests", ex);
			}
		}

		/** Stops everything; a process or a port left behind fails the run. */
		@Override
		public void close() throws IOException {
			running = null;
			List<Integer> ports = Arrays.stream(Service.values()).map(service -> URI.create(this.local.url(service)).getPort()).toList();
			this.local.close();
			List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
			if (!left.isEmpty()) {
				throw new IllegalStateException("processes left running after Chimera stopped: " + left);
			}
			for (int port : ports) {
				try (ServerSocket socket = new ServerSocket(port)) {
					// free again
				}
			}
			try (Stream<Path> logs = Files.list(this.data.resolve("logs"))) {
				if (logs.count() != Service.values().length) {
					throw new IllegalStateException("not one log per service in " + this.data.resolve("logs"));
				}
			}
		}
	}
}
