package tech.aiqem.chimera.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} in the Prometheus text format: samples by name and labels
 * (the metrics tests and the benchmark read the services' own meters with it).
 */
record PrometheusScrape(String service, List<Sample> samples) {

	private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Sample(String name, Map<String, String> labels, double value) {
	}

	static PrometheusScrape parse(String service, String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line.trim());
			if (!matcher.matches()) {
				throw new IllegalArgumentException(service + ": not a Prometheus sample: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return new PrometheusScrape(service, samples);
	}

	List<Sample> named(String name) {
		return this.samples.stream().filter(s -> s.name().equals(name)).toList();
	}

	boolean has(String name) {
		return !named(name).isEmpty();
	}

	/** The sum over all series of a name (a counter's total, a timer's count). */
	double sum(String name) {
		return named(name).stream().mapToDouble(Sample::value).sum();
	}

	/**
	 * The quantile of a histogram's buckets summed over its series, the way PromQL's
	 * {@code histogram_quantile} reads them (linear inside the bucket).
	 */
	double quantile(String histogram, double q) {
		return quantile(histogram, q, sample -> true);
	}

	/** As {@link #quantile(String, double)}, over the series the filter keeps. */
	double quantile(String histogram, double q, java.util.function.Predicate<Sample> series) {
		Map<Double, Double> buckets = buckets(histogram, series);
		if (buckets.isEmpty()) {
			throw new IllegalArgumentException(this.service + " has no buckets of " + histogram);
		}
		return quantile(buckets, q);
	}

	/**
	 * The quantile of what a histogram recorded since an earlier scrape of the same service (the buckets'
	 * growth, as PromQL's {@code histogram_quantile} over {@code increase}); NaN when it recorded nothing.
	 */
	double quantileSince(PrometheusScrape before, String histogram, double q) {
		Map<Double, Double> buckets = buckets(histogram, sample -> true);
		before.buckets(histogram, sample -> true).forEach((bound, count) -> buckets.merge(bound, -count, Double::sum));
		Double total = buckets.get(Double.POSITIVE_INFINITY);
		return total == null || total <= 0 ? Double.NaN : quantile(buckets, q);
	}

	/** Cumulative bucket counts by upper bound, summed over the series the filter keeps. */
	private Map<Double, Double> buckets(String histogram, java.util.function.Predicate<Sample> series) {
		Map<Double, Double> buckets = new java.util.TreeMap<>();
		for (Sample sample : named(histogram + "_bucket").stream().filter(series).toList()) {
			String le = sample.labels().get("le");
			double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
			buckets.merge(bound, sample.value(), Double::sum);
		}
		return buckets;
	}

	/** Linear interpolation inside the bucket the rank falls in, over cumulative counts sorted by bound. */
	private static double quantile(Map<Double, Double> buckets, double q) {
		double rank = q * buckets.get(Double.POSITIVE_INFINITY);
		double lower = 0;
		double below = 0;
		for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return lower;
				}
				double inBucket = bucket.getValue() - below;
				return inBucket <= 0 ? bucket.getKey() : lower + (bucket.getKey() - lower) * (rank - below) / inBucket;
			}
			lower = bucket.getKey();
			below = bucket.getValue();
		}
		return lower;
	}
}
