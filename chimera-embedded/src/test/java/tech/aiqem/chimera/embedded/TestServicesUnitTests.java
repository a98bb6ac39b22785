package tech.aiqem.chimera.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestServicesUnitTests {

	@Test
	void theForkNumberComesFromSurefiresPlaceholder() {
		assertThat(TestServices.forkNumber("fork-2")).isEqualTo(2);
		assertThat(TestServices.forkNumber("fork-12")).isEqualTo(12);
	}

	@Test
	void withoutAForkNumberTheJvmIsTheFirstFork() {
		assertThat(TestServices.forkNumber(null)).isEqualTo(1);
		assertThat(TestServices.forkNumber("")).isEqualTo(1);
		assertThat(TestServices.forkNumber("fork-${surefire.forkNumber}")).isEqualTo(1);
	}
}
