package tech.aiqem.chimera.gateway.offline.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.Purpose;
import tech.aiqem.chimera.gateway.offline.OfflineModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The fault knob around the offline model: a share of task-working calls hang until abandoned. */
class SlowTaskCallsUnitTests {

	@Test
	void offByDefaultAndForOtherPurposes() {
		SlowTaskCalls model = new SlowTaskCalls(new OfflineModel(Duration.ZERO, Duration.ZERO), 1.0, Duration.ofMinutes(10));
		long started = System.nanoTime();
		model.chat(ModelRole.JUDGE, prompt(Purpose.JUDGE_RESULT), null);
		new SlowTaskCalls(new OfflineModel(Duration.ZERO, Duration.ZERO), 0, Duration.ofMinutes(10)).chat(ModelRole.WORKER,
				prompt(Purpose.WRITE_POST), null);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void aSlowCallHangsUntilItsTaskIsAbandoned() throws Exception {
		SlowTaskCalls model = new SlowTaskCalls(new OfflineModel(Duration.ZERO, Duration.ZERO), 1.0, Duration.ofMinutes(10));
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> call = executor.submit(() -> model.chat(ModelRole.WORKER, prompt(Purpose.WRITE_POST), null));
			assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> call.get(200, TimeUnit.MILLISECONDS));
			call.cancel(true);
			executor.shutdown();
			assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void shareIsAProbability() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SlowTaskCalls(new OfflineModel(null, null), 1.5, Duration.ofSeconds(1)));
	}

	private static ModelPrompt prompt(Purpose purpose) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put(Purpose.KEY, purpose.key());
		facts.put("persona", Map.of("name", "Selam", "topics", List.of("fashion")));
		facts.put("goal", "Promote the summer collection");
		facts.put("topic", "fashion");
		facts.put("platform", "twitter");
		facts.put("task_type", "content_generation");
		facts.put("text", "A post about fashion");
		return new ModelPrompt("system", "user", facts, null, "7f1b3c1e-0000-4000-8000-000000000001", null, true);
	}
}
