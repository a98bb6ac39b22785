package tech.aiqem.chimera.infra.loop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loop idles when its step finds nothing, and a wake-up ends the idle wait at once. */
class BackgroundLoopUnitTests {

	private static final Duration AN_HOUR = Duration.ofHours(1);

	@Test
	void aWakeUpEndsTheIdleWait() {
		AtomicInteger runs = new AtomicInteger();
		BackgroundLoop loop = new BackgroundLoop("test", AN_HOUR, () -> {
			runs.incrementAndGet();
			return false;
		});
		loop.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
			assertThat(runs.get()).as("idle for an hour after finding nothing").isEqualTo(1);

			loop.wake();

			await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
		}
		finally {
			loop.stop();
		}
	}

	@Test
	void aWakeUpDuringTheStepMakesTheLoopLookAgainInsteadOfIdling() {
		AtomicInteger runs = new AtomicInteger();
		BackgroundLoop[] loop = new BackgroundLoop[1];
		loop[0] = new BackgroundLoop("test", AN_HOUR, () -> {
			if (runs.incrementAndGet() == 1) {
				// The work arrives (and is announced) after the step looked for it.
				loop[0].wake();
			}
			return false;
		});
		loop[0].start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
		}
		finally {
			loop[0].stop();
		}
	}

	@Test
	void stoppingEndsTheIdleWait() {
		AtomicInteger runs = new AtomicInteger();
		BackgroundLoop loop = new BackgroundLoop("test", AN_HOUR, () -> {
			runs.incrementAndGet();
			return false;
		});
		loop.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
		long start = System.nanoTime();

		loop.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		assertThat(loop.isRunning()).isFalse();
	}
}
