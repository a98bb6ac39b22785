package tech.aiqem.chimera.local;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as {@code ./chimera} runs it — embedded PostgreSQL and Redis, every service as a child
 * process — on the test run's {@link SharedChimera}: every health endpoint is UP, the summary names the
 * dashboard, and a killed service is restarted. That closing it leaves no process and no port behind is
 * checked when the shared Chimera stops ({@link SharedChimera}), and for the real {@code ./chimera} on a
 * fresh clone by {@code .ci/fresh-clone-check}.
 */
@ExtendWith(SharedChimera.class)
class ChimeraLocalIntegrationTests {

	@Test
	void everyServiceIsUpAndAKilledServiceIsRestarted() {
		ChimeraLocal local = SharedChimera.chimera();
		for (Service service : Service.values()) {
			assertThat(local.isReady(service)).as(service.label() + " readiness").isTrue();
		}
		assertThat(local.summary()).contains("Dashboard:      " + local.url(Service.ORCHESTRATOR) + "/");

		long workerPid = local.process(Service.WORKER).pid();
		ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
			.until(() -> local.process(Service.WORKER).pid() != workerPid && local.isReady(Service.WORKER));
		assertThat(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false)).as("the killed worker").isFalse();
	}
}
