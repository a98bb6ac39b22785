package tech.aiqem.chimera.infra.observability;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Metrics, Redis command timing and Sentry wiring shared by every service. Sentry itself is Sentry's
 * Spring Boot starter, active only when {@code SENTRY_DSN} (property {@code sentry.dsn}) is set; this adds
 * the task and agent ids as tags, the service name, and scrubs secrets from every event.
 */
// after the meter registry exists, so @ConditionalOnBean(MeterRegistry) sees it (as Boot's own Lettuce metrics do)
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

	/** Every series names the service it came from, so dashboards and alerts can group by it. */
	@Bean
	MeterFilter chimeraApplicationTag(Environment environment) {
		return MeterFilter.commonTags(List.of(io.micrometer.core.instrument.Tag.of("application",
				environment.getProperty("spring.application.name", "chimera"))));
	}

	/**
	 * Times every Redis command the services send ({@code lettuce.command.completion}, per command); its
	 * percentiles and buckets are Boot's {@code management.metrics.distribution.*.lettuce} defaults.
	 */
	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnProperty(name = "chimera.observability.redis-latency", havingValue = "true", matchIfMissing = true)
	CommandLatencyRecorder redisCommandLatency(MeterRegistry meters) {
		return new AfterRefreshLatencyRecorder(new MicrometerCommandLatencyRecorder(meters,
				MicrometerOptions.builder()
					// one series per command and Redis server, not per client socket
					.localDistinction(false)
					.build()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Sentry.class)
	static class SentryTagging {

		@Bean
		Sentry.OptionsConfiguration<SentryOptions> chimeraSentryOptions(Environment environment) {
			String service = environment.getProperty("spring.application.name", "chimera");
			return options -> {
				// copied from the logging context of the thread that reports the error
				options.addContextTag(TaskMdc.TASK_ID);
				options.addContextTag(TaskMdc.AGENT_ID);
				options.addInAppInclude("tech.aiqem.chimera");
				options.setTag("service", service);
				options.setSendDefaultPii(false);
			};
		}

		@Bean
		SecretScrubber chimeraSecretScrubber(Environment environment) {
			List<String> secrets = new ArrayList<>();
			for (String name : SecretScrubber.SECRET_PROPERTIES) {
				secrets.add(environment.getProperty(name));
			}
			return new SecretScrubber(secrets);
		}
	}
}
