package tech.aiqem.chimera.infra.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latency distributions every service gets from the shared defaults file through Boot's own
 * {@code management.metrics.distribution.*} properties: Chimera, JDBC and Redis timers have p50/p95/p99
 * and Prometheus buckets over their range; other meters are left as they are.
 */
class LatencyDistributionsIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(context -> {
			try {
				context.getEnvironment().getPropertySources().addLast(new ResourcePropertySource("chimeraInfraDefaults",
						new ClassPathResource("chimera-infra-defaults.properties")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		})
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
		.withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

	private void withRegistry(Consumer<PrometheusMeterRegistry> test) {
		this.runner.run(context -> test.accept(context.getBean(PrometheusMeterRegistry.class)));
	}

	@Test
	void chimeraJdbcAndRedisTimersGetPercentilesAndAHistogram() {
		withRegistry(registry -> {
			for (String name : new String[] { "chimera.task.latency", "jdbc.query", "lettuce.command.completion" }) {
				Timer timer = Timer.builder(name).register(registry);
				for (int i = 1; i <= 100; i++) {
					timer.record(Duration.ofMillis(i));
				}
				var snapshot = timer.takeSnapshot();
				assertThat(snapshot.percentileValues()).as(name).extracting(v -> v.percentile()).containsExactly(0.5, 0.95, 0.99);
				assertThat(snapshot.histogramCounts()).as(name).isNotEmpty();
			}
			String scrape = registry.scrape();
			assertThat(scrape).contains("chimera_task_latency_seconds_bucket{le=\"");
			assertThat(scrape).contains("jdbc_query_seconds_bucket{le=\"");
			assertThat(scrape).contains("chimera_task_latency_seconds_count 100");
			assertThat(scrape).contains("chimera_task_latency_seconds_bucket{le=\"+Inf\"} 100");
		});
	}

	@Test
	void otherTimersAreLeftAlone() {
		withRegistry(registry -> {
			Timer other = Timer.builder("http.client.requests").register(registry);
			other.record(Duration.ofMillis(5));
			assertThat(other.takeSnapshot().percentileValues()).isEmpty();
			assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
		});
	}

	@Test
	void chimeraTimersGetBucketsPastTheThirtySecondsATimerStopsAtByDefault() {
		withRegistry(registry -> {
			Timer timer = Timer.builder("chimera.hop.queue_wait").register(registry);
			timer.record(Duration.ofSeconds(45));
			timer.record(Duration.ofSeconds(90));
			String scrape = registry.scrape();
			assertThat(scrape).containsPattern("chimera_hop_queue_wait_seconds_bucket\\{le=\"(6[0-9]|[7-9][0-9])\\.[0-9]+\"} 1");
			assertThat(scrape).containsPattern("chimera_hop_queue_wait_seconds_bucket\\{le=\"(5[0-9][0-9]|600)(\\.[0-9]+)?\"} 2");
		});
	}
}
