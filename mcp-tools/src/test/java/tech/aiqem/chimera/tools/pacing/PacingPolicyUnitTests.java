package tech.aiqem.chimera.tools.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacingPolicyUnitTests {

	static final Instant NOW = Instant.parse("2026-02-06T10:00:00Z");

	final PacingPolicy policy = new PacingPolicy(3, 5, Duration.ofMinutes(5), Duration.ZERO);

	@Test
	void aFreshAccountPostsNow() {
		assertThat(this.policy.nextSlot(List.of(), NOW, null, 1)).isEqualTo(NOW);
	}

	@Test
	void postsAreSpacedAfterTheLastSlot() {
		assertThat(this.policy.nextSlot(List.of(NOW.minusSeconds(60)), NOW, null, 1)).isEqualTo(NOW.plusSeconds(240));
	}

	@Test
	void theHourlyQuotaPushesTheSlotPastTheOldestPostOfTheHour() {
		List<Instant> taken = List.of(NOW.minus(Duration.ofMinutes(50)), NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(10)));
		Instant slot = this.policy.nextSlot(taken, NOW, null, 1);
		assertThat(slot).isEqualTo(NOW.plus(Duration.ofMinutes(10)).plusMillis(1));
	}

	@Test
	void theDailyQuotaPushesTheSlotToTheNextDayWindow() {
		List<Instant> taken = new ArrayList<>();
		for (int i = 5; i >= 1; i--) {
			taken.add(NOW.minus(Duration.ofHours(i * 2)));
		}
		Instant slot = this.policy.nextSlot(taken, NOW, null, 1);
		assertThat(slot).isEqualTo(taken.get(0).plus(Duration.ofDays(1)).plusMillis(1));
	}

	@Test
	void aPlatformBlockDelaysTheSlot() {
		assertThat(this.policy.nextSlot(List.of(), NOW, NOW.plusSeconds(900), 1)).isEqualTo(NOW.plusSeconds(900));
	}

	@Test
	void jitterIsStableForAPostAndWithinItsBound() {
		PacingPolicy jittery = new PacingPolicy(10, 100, Duration.ofMinutes(5), Duration.ofMinutes(2));
		List<Instant> taken = List.of(NOW);
		Instant first = jittery.nextSlot(taken, NOW, null, 42);
		assertThat(jittery.nextSlot(taken, NOW, null, 42)).isEqualTo(first);
		assertThat(first).isBetween(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(7)));
	}

	@Test
	void manyQueuedPostsAllGetSlotsInsideTheQuotas() {
		List<Instant> taken = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			taken.add(this.policy.nextSlot(taken, NOW, null, i));
		}
		for (Instant slot : taken) {
			long inHour = taken.stream().filter(s -> s.isAfter(slot.minus(Duration.ofHours(1))) && !s.isAfter(slot)).count();
			long inDay = taken.stream().filter(s -> s.isAfter(slot.minus(Duration.ofDays(1))) && !s.isAfter(slot)).count();
			assertThat(inHour).isLessThanOrEqualTo(3);
			assertThat(inDay).isLessThanOrEqualTo(5);
		}
		assertThat(taken).isSorted().doesNotHaveDuplicates();
	}
}
