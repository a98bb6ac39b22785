package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCheckUnitTests {

	@Test
	void aTakenPortIsNamedWithItsServiceBeforeAnythingStarts() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));
			int port = taken.getLocalPort();
			int free;
			try (ServerSocket probe = new ServerSocket(0)) {
				free = probe.getLocalPort();
			}
			List<String> problems = StartupCheck.takenPorts(Map.of(Service.ORCHESTRATOR, port, Service.WORKER, free));
			assertThat(problems).singleElement().asString()
				.startsWith("port " + port + " (orchestrator-api) is already in use")
				.contains("--base-port");
		}
	}

	@Test
	void theEndOfAFailedServicesLogIsShown(@TempDir Path dir) throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			lines.add("line " + i);
		}
		Path log = Files.write(dir.resolve("planner-service.log"), lines);
		String tail = StartupCheck.tail(log, 3);
		assertThat(tail).isEqualTo("    | line 38\n    | line 39\n    | line 40\n");
		assertThat(StartupCheck.tail(dir.resolve("missing.log"), 3)).contains("no log at");
	}

	@Test
	void helpAnswersAtOnceWithoutBuilding() throws Exception {
		Path root = Path.of(System.getenv().getOrDefault("CHIMERA_REPO_ROOT", "..")).toAbsolutePath().normalize();
		Process help = new ProcessBuilder("bash", root.resolve("chimera").toString(), "--help").redirectErrorStream(true).start();
		assertThat(help.waitFor(10, TimeUnit.SECONDS)).as("answers within 10 s").isTrue();
		String out = new String(help.getInputStream().readAllBytes());
		assertThat(help.exitValue()).as(out).isZero();
		assertThat(out).isEqualTo(LocalOptions.usage() + "\n").contains("--base-port", "--time-scale", "--data-dir", "Node.js");
	}
}
