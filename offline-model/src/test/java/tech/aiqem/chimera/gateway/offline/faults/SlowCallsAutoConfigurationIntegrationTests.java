package tech.aiqem.chimera.gateway.offline.faults;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tech.aiqem.chimera.gateway.ModelGatewayAutoConfiguration;
import tech.aiqem.chimera.gateway.offline.OfflineModel;
import tech.aiqem.chimera.gateway.offline.OfflineModelAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The knob is wired only where this test jar is on the class path, and only when the fault suite sets it. */
class SlowCallsAutoConfigurationIntegrationTests {

	private static final String OFFLINE = ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN;

	private final ApplicationContextRunner withKnob = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OfflineModelAutoConfiguration.class, SlowCallsAutoConfiguration.class));

	@Test
	void theFaultSuitesSettingWrapsTheOfflineModel() {
		this.withKnob.withPropertyValues("chimera.models.offline.slow-share=0.02", "chimera.models.offline.slow-latency=120s")
			.run(context -> assertThat(context.getBean(OFFLINE)).isInstanceOf(SlowTaskCalls.class));
	}

	@Test
	void offByDefault() {
		this.withKnob.run(context -> assertThat(context.getBean(OFFLINE)).isInstanceOf(OfflineModel.class));
	}

	@Test
	void theServicesOwnOfflineModelIgnoresTheSetting() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OfflineModelAutoConfiguration.class))
			.withPropertyValues("chimera.models.offline.slow-share=1", "chimera.models.offline.slow-latency=10m")
			.run(context -> assertThat(context.getBean(OFFLINE)).isInstanceOf(OfflineModel.class));
	}
}
