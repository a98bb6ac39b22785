package tech.aiqem.chimera.infra.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaledClockUnitTests {

	private static final Instant ORIGIN = Instant.parse("2026-03-01T09:00:00Z");

	@Test
	void aSpanReadOffAScaledClockIsRecordedInRealTime() {
		ScaledClock demo = new ScaledClock(Clock.fixed(ORIGIN, ZoneOffset.UTC), ORIGIN, 1440);
		// 30 ms of real time are 43.2 s of campaign time at ×1440
		Instant later = ORIGIN.plus(demo.scaledDuration(Duration.ofMillis(30)));
		assertThat(later).isEqualTo(ORIGIN.plusMillis(43_200));
		assertThat(ScaledClock.realSpan(demo, ORIGIN, later)).isEqualTo(Duration.ofMillis(30));
	}

	@Test
	void anyOtherClocksSpanIsRealAlready() {
		Clock real = Clock.systemUTC();
		assertThat(ScaledClock.realSpan(real, ORIGIN, ORIGIN.plusSeconds(2))).isEqualTo(Duration.ofSeconds(2));
		assertThat(ScaledClock.realSpan(new ScaledClock(real, ORIGIN, 1), ORIGIN, ORIGIN.plusSeconds(2)))
			.isEqualTo(Duration.ofSeconds(2));
	}
}
