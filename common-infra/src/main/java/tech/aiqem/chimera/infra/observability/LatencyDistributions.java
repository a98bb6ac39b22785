package tech.aiqem.chimera.infra.observability;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives every Chimera timer ({@code chimera.*}), every JDBC observation ({@code jdbc.*}) and every Redis
 * command timer ({@code lettuce.*}) the percentiles p50, p95 and p99 and a Prometheus histogram, so the
 * targets of docs/architecture.md §16 (task p50 &lt; 5 s, p95 &lt; 10 s, p99 &lt; 30 s; database p95 &lt; 50 ms; Redis
 * p99 &lt; 5 ms) are read off directly. The bucket range is this filter's (a timer's own default stops at
 * 30 s, where the task targets need buckets beyond it); percentiles the code chose itself win.
 */
final class LatencyDistributions implements MeterFilter {

	static final double[] PERCENTILES = { 0.5, 0.95, 0.99 };

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() != Meter.Type.TIMER && id.getType() != Meter.Type.LONG_TASK_TIMER) {
			return config;
		}
		String name = id.getName();
		DistributionStatisticConfig ours;
		if (name.startsWith("chimera.")) {
			// tasks and hops run from milliseconds (a commit) to minutes (a task waiting in a queue)
			ours = distribution(Duration.ofMillis(1), Duration.ofMinutes(10));
		}
		else if (name.startsWith("jdbc.")) {
			ours = distribution(Duration.ofNanos(100_000), Duration.ofSeconds(10));
		}
		else if (name.startsWith("lettuce.")) {
			ours = distribution(Duration.ofNanos(50_000), Duration.ofSeconds(10));
		}
		else {
			return config;
		}
		// merge: the receiver's values win over the argument's
		DistributionStatisticConfig merged = ours.merge(config);
		if (config.getPercentiles() != null && config.getPercentiles().length > 0) {
			return merged;
		}
		return DistributionStatisticConfig.builder().percentiles(PERCENTILES).build().merge(merged);
	}

	private static DistributionStatisticConfig distribution(Duration min, Duration max) {
		return DistributionStatisticConfig.builder()
			.percentilesHistogram(true)
			.minimumExpectedValue((double) min.toNanos())
			.maximumExpectedValue((double) max.toNanos())
			.build();
	}
}
