package tech.aiqem.chimera.budget;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpendUnitTests {

	@Test
	void amountsAreExactMicroDollars() {
		assertThat(Micros.of(new BigDecimal("23.45"))).isEqualTo(23_450_000L);
		assertThat(Micros.of(new BigDecimal("0.000001"))).isEqualTo(1L);
		assertThat(Micros.parse("23.450000")).isEqualTo(23_450_000L);
		assertThat(Micros.format(23_450_000L)).isEqualTo("23.450000");
	}

	@Test
	void aSpendNeedsARefAndANonNegativeAmountOfAtMostSixDecimals() {
		TenantId tenant = TenantId.random();
		AgentId agent = AgentId.random();
		assertThatThrownBy(() -> new Spend(" ", tenant, agent, null, null, SpendKind.MODEL, BigDecimal.ONE))
			.hasMessageContaining("ref is required");
		assertThatThrownBy(() -> new Spend("r", tenant, agent, null, null, SpendKind.MODEL, new BigDecimal("-1")))
			.hasMessageContaining("must not be negative");
		assertThatThrownBy(
				() -> new Spend("r", tenant, agent, null, null, SpendKind.MODEL, new BigDecimal("0.0000001")))
			.hasMessageContaining("more than 6 decimals");
		TaskId task = TaskId.random();
		assertThat(Spend.paymentRef(task)).isEqualTo("pay:" + task);
		assertThat(Spend.modelRef(task, "worker")).isEqualTo("model:" + task + ":worker");
	}
}
