package tech.aiqem.chimera.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Counting and printing for the evaluation programs: flag rates per group, latency, memory. */
final class Evaluation {

	private Evaluation() {
	}

	/** Flagged / total for one group. */
	static final class Tally {

		int total;

		int flagged;

		void add(boolean flag) {
			this.total++;
			if (flag) {
				this.flagged++;
			}
		}

		double rate() {
			return this.total == 0 ? Double.NaN : this.flagged / (double) this.total;
		}

		@Override
		public String toString() {
			return String.format("%.3f (%d/%d)", rate(), this.flagged, this.total);
		}
	}

	static Tally tally(Map<String, Tally> tallies, String key) {
		return tallies.computeIfAbsent(key, k -> new Tally());
	}

	static Map<String, Tally> sorted() {
		return new TreeMap<>();
	}

	static String percentiles(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %d texts", at(sorted, 0.5), at(sorted, 0.95),
				at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	static double p95(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return at(sorted, 0.95);
	}

	private static double at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

	/** Heap in use after a collection, MB. */
	static double heapMb() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
	}

	/** Resident set size of this process, MB (Linux; NaN elsewhere): ONNX Runtime's memory is native. */
	static double rssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return Double.NaN;
	}
}
