package tech.aiqem.chimera.infra.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMetersUnitTests {

	@Test
	void everyCodeIsThereAtZeroBeforeTheFirstError() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ErrorMeters.register(meters, "worker");
		assertThat(meters.find(ErrorMeters.METER).tag("service", "worker").counters()).hasSize(ErrorCode.values().length)
			.allSatisfy(counter -> assertThat(counter.count()).isZero());
	}

	@Test
	void errorsAreCountedByCodeAndService() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ErrorMeters.register(meters, "judge");
		ErrorMeters.count(meters, ErrorCode.E1003, "judge");
		ErrorMeters.count(meters, ErrorCode.E1003, "judge");
		ErrorMeters.count(meters, null, "judge");
		assertThat(meters.get(ErrorMeters.METER).tags("code", "E1003", "service", "judge").counter().count()).isEqualTo(2);
		assertThat(meters.get(ErrorMeters.METER).tags("code", "E1004", "service", "judge").counter().count()).isZero();
		assertThat(meters.get(ErrorMeters.METER).tags("code", "none", "service", "judge").counter().count()).isEqualTo(1);
	}
}
