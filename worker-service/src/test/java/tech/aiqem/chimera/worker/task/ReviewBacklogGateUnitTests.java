package tech.aiqem.chimera.worker.task;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewBacklogGateUnitTests {

	@Test
	void holdsBackFromTheLimitAndLetsGoBelowIt() {
		AtomicLong published = new AtomicLong(999);
		ReviewBacklogGate gate = new ReviewBacklogGate(published::get, 1000, Duration.ZERO);
		assertThat(gate.holdsBack()).isFalse();
		published.set(1000);
		assertThat(gate.holdsBack()).isTrue();
		published.set(5000);
		assertThat(gate.holdsBack()).isTrue();
		published.set(0);
		assertThat(gate.holdsBack()).isFalse();
	}

	@Test
	void readsTheCountAtMostOncePerRefresh() {
		AtomicInteger reads = new AtomicInteger();
		ReviewBacklogGate gate = new ReviewBacklogGate(() -> {
			reads.incrementAndGet();
			return 5000;
		}, 1000, Duration.ofHours(1));
		for (int i = 0; i < 100; i++) {
			assertThat(gate.holdsBack()).isTrue();
		}
		assertThat(reads).hasValue(1);
	}

	@Test
	void aLimitOfZeroNeverHoldsBackAndNeverReads() {
		AtomicInteger reads = new AtomicInteger();
		ReviewBacklogGate gate = new ReviewBacklogGate(() -> {
			reads.incrementAndGet();
			return Long.MAX_VALUE;
		}, 0, Duration.ZERO);
		assertThat(gate.holdsBack()).isFalse();
		assertThat(ReviewBacklogGate.never().holdsBack()).isFalse();
		assertThat(reads).hasValue(0);
	}
}
