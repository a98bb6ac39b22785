package tech.aiqem.chimera.gateway.offline;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.offline.OfflineModelAutoConfiguration.OfflineModelProperties;
import tech.aiqem.chimera.gateway.offline.OfflineModelAutoConfiguration.RoleDelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OfflineModelPropertiesUnitTests {

	@Test
	void aRoleWithItsOwnDelayKeepsItAndTheOthersTakeTheDefault() {
		OfflineModelProperties properties = new OfflineModelProperties(Duration.ofMillis(100), Duration.ofMillis(10),
				Map.of("worker", new RoleDelay(Duration.ofSeconds(2), Duration.ofMillis(500)), "judge",
						new RoleDelay(Duration.ofSeconds(1), null)));
		OfflineModel model = new OfflineModel(properties.latency(), properties.jitter(), properties.byRole());

		assertThat(model.delay(ModelRole.WORKER)).isEqualTo(new OfflineModel.Delay(Duration.ofSeconds(2), Duration.ofMillis(500)));
		assertThat(model.delay(ModelRole.JUDGE)).isEqualTo(new OfflineModel.Delay(Duration.ofSeconds(1), Duration.ofMillis(10)));
		assertThat(model.delay(ModelRole.PLANNER)).isEqualTo(new OfflineModel.Delay(Duration.ofMillis(100), Duration.ofMillis(10)));
	}

	@Test
	void withoutDelaysTheModelAnswersAtOnce() {
		OfflineModel model = new OfflineModel(null, null);

		assertThat(model.delay(ModelRole.WORKER)).isEqualTo(new OfflineModel.Delay(Duration.ZERO, Duration.ZERO));
	}

	@Test
	void anUnknownRoleIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OfflineModelProperties(Duration.ZERO, Duration.ZERO, Map.of("critic", new RoleDelay(null, null))))
			.withMessageContaining("chimera.models.offline.roles.critic");
	}
}
