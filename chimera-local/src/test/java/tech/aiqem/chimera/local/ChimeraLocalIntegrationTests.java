package tech.aiqem.chimera.local;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.aiqem.chimera.embedded.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the launcher the way {@code ./chimera} does — embedded PostgreSQL and Redis, every service as
 * a child process — and checks that every health endpoint is UP, that a killed service is restarted, and
 * that closing it leaves no process behind. Runs after the services' jars are packaged (reactor order).
 */
class ChimeraLocalIntegrationTests {

	@Test
	void startsEverythingRestartsAKilledServiceAndLeavesNothingBehind(@TempDir Path data) throws Exception {
		Path home = Path.of(System.getenv().getOrDefault("CHIMERA_REPO_ROOT", "..")).toAbsolutePath().normalize();
		assertThat(home.resolve("orchestrator-api/target")).as("services are packaged before the launcher's tests")
			.isDirectory();
		Map<String, String> env = new HashMap<>();
		env.put("CHIMERA_HOME", home.toString());
		env.put("CHIMERA_DATA_DIR", data.toString());
		env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
		LocalOptions options = LocalOptions.fromEnvironment(env, new String[0]);

		long started = System.nanoTime();
		List<Long> pids = new ArrayList<>();
		try (ChimeraLocal local = ChimeraLocal.start(options, Duration.ofSeconds(150))) {
			System.out.printf("Launcher ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
			for (Service service : Service.values()) {
				assertThat(local.isReady(service)).as(service.label() + " readiness").isTrue();
				pids.add(local.process(service).pid());
			}
			assertThat(local.summary()).contains("Dashboard:      http://localhost:" + options.ports().get(Service.ORCHESTRATOR) + "/");
			if (System.getenv("CHIMERA_ADMIN_PASSWORD") == null) {
				assertThat(local.summary()).contains("Login:          admin@chimera.local (password in " + data.resolve("admin-password") + ")");
				assertThat(data.resolve("admin-password")).exists();
			}

			long workerPid = local.process(Service.WORKER).pid();
			ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.until(() -> local.process(Service.WORKER).pid() != workerPid && local.isReady(Service.WORKER));
			pids.add(local.process(Service.WORKER).pid());
		}
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " stopped").isFalse();
		}
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
		for (Service service : Service.values()) {
			try (ServerSocket socket = new ServerSocket(options.ports().get(service))) {
				assertThat(socket.isBound()).isTrue();
			}
		}
		assertThat(Files.list(data.resolve("logs")).count()).isEqualTo(Service.values().length);
	}

}
