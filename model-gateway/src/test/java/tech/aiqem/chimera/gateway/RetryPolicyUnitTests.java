package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyUnitTests {

	private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4));

	@Test
	void backoffDoublesEachRetryWithEqualJitter() {
		assertThat(this.policy.delay(0, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(250));
		assertThat(this.policy.delay(0, Optional.empty(), 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
		assertThat(this.policy.delay(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.policy.delay(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void backoffIsCapped() {
		assertThat(this.policy.delay(10, Optional.empty(), 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(4));
		assertThat(this.policy.delay(62, Optional.empty(), 0.0)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aHintIsAFloorPlusJitter() {
		assertThat(this.policy.delay(0, Optional.of(Duration.ofSeconds(1)), 0.0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.policy.delay(0, Optional.of(Duration.ofSeconds(1)), 0.5)).isEqualTo(Duration.ofMillis(1125));
	}

	@Test
	void aHintLongerThanTheCapIsCapped() {
		assertThat(this.policy.delay(0, Optional.of(Duration.ofMinutes(6)), 0.0)).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void rejectsNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}
}
