package tech.aiqem.chimera.infra.observability;

import java.time.Duration;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyDistributionsUnitTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	LatencyDistributionsUnitTests() {
		this.registry.config().meterFilter(new LatencyDistributions());
	}

	@Test
	void chimeraJdbcAndRedisTimersGetPercentilesAndAHistogram() {
		for (String name : new String[] { "chimera.task.latency", "jdbc.query", "lettuce.command.completion" }) {
			Timer timer = Timer.builder(name).register(this.registry);
			for (int i = 1; i <= 100; i++) {
				timer.record(Duration.ofMillis(i));
			}
			var snapshot = timer.takeSnapshot();
			assertThat(snapshot.percentileValues()).as(name).extracting(v -> v.percentile()).containsExactly(0.5, 0.95, 0.99);
			assertThat(snapshot.histogramCounts()).as(name).isNotEmpty();
		}
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("chimera_task_latency_seconds_bucket{le=\"");
		assertThat(scrape).contains("jdbc_query_seconds_bucket{le=\"");
		// Prometheus gets the buckets (histogram_quantile aggregates them over pods); the client-side
		// percentiles above serve registries without histograms
		assertThat(scrape).contains("chimera_task_latency_seconds_count 100");
		assertThat(scrape).contains("chimera_task_latency_seconds_bucket{le=\"+Inf\"} 100");
	}

	@Test
	void otherTimersAndNonTimersAreLeftAlone() {
		Timer other = Timer.builder("http.client.requests").register(this.registry);
		other.record(Duration.ofMillis(5));
		assertThat(other.takeSnapshot().percentileValues()).isEmpty();
		assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
		this.registry.summary("chimera.model.tokens.size").record(3);
		assertThat(this.registry.summary("chimera.model.tokens.size").takeSnapshot().percentileValues()).isEmpty();
	}

	@Test
	void chimeraTimersGetBucketsPastTheThirtySecondsATimerStopsAtByDefault() {
		Timer timer = Timer.builder("chimera.hop.queue_wait").publishPercentiles(0.5).register(this.registry);
		timer.record(Duration.ofSeconds(45));
		timer.record(Duration.ofSeconds(90));
		String scrape = this.registry.scrape();
		assertThat(scrape).containsPattern("chimera_hop_queue_wait_seconds_bucket\\{le=\"(6[0-9]|[7-9][0-9])\\.[0-9]+\"} 1");
		assertThat(scrape).containsPattern("chimera_hop_queue_wait_seconds_bucket\\{le=\"(5[0-9][0-9]|600)(\\.[0-9]+)?\"} 2");
	}

	@Test
	void whatTheCodeSetWins() {
		Timer timer = Timer.builder("chimera.worker.task").publishPercentiles(0.9).register(this.registry);
		timer.record(Duration.ofMillis(10));
		assertThat(timer.takeSnapshot().percentileValues()).extracting(v -> v.percentile()).containsExactly(0.9);
		assertThat(timer.takeSnapshot().histogramCounts()).isNotEmpty();
	}
}
