package tech.aiqem.chimera.local;

import java.util.Map;

import static tech.aiqem.chimera.local.BenchRun.log;
import static tech.aiqem.chimera.local.BenchRun.ms;
import static tech.aiqem.chimera.local.BenchRun.q;
import static tech.aiqem.chimera.local.BenchRun.sleep;

/** Phases 3 and 4: latency per hop at an offered rate, with the model answering at once and after a delay. */
final class LatencyPhases {

	private LatencyPhases() {
	}

	/** 3. Latency per hop at the offered rate, model answering at once; {@code n} numbers the figures. */
	static void latency(BenchRun run, int rate, String n) throws Exception {
		BenchReport report = run.report;
		log(n + " latency per hop at " + rate + " tasks/s for " + run.options.latency().toSeconds() + " s");
		run.load.pace("latency", rate);
		sleep(run.options.warmup());
		Map<Service, PrometheusScrape> before = run.probe.scrape();
		long t0 = System.nanoTime();
		long publishedBefore = run.published();
		sleep(run.options.latency());
		Map<Service, PrometheusScrape> after = run.probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long published = run.published() - publishedBefore;
		run.load.stop();
		PrometheusScrape w0 = before.get(Service.WORKER);
		PrometheusScrape w1 = after.get(Service.WORKER);
		PrometheusScrape j0 = before.get(Service.JUDGE);
		PrometheusScrape j1 = after.get(Service.JUDGE);
		String at = " at " + rate + "/s";
		report.info(n + " Published tasks/s" + at + " offered", published / seconds, "tasks/s");
		report.info(n + " Queue wait (planned → picked) p50 / p95" + at, BenchReport.format(q(w0, w1, "chimera_hop_queue_wait_seconds", 0.5))
				+ " / " + BenchReport.format(q(w0, w1, "chimera_hop_queue_wait_seconds", 0.95)) + " ms");
		report.atMost(n + " Queue hop p99" + at, q(w0, w1, "chimera_hop_queue_wait_seconds", 0.99), 5, "ms");
		report.info(n + " Work p50 / p95 / p99" + at, BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.5)) + " / "
				+ BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.95)) + " / "
				+ BenchReport.format(q(w0, w1, "chimera_worker_task_seconds", 0.99)) + " ms");
		report.info(n + " Review wait p50 / p95 / p99" + at, BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.5)) + " / "
				+ BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.95)) + " / "
				+ BenchReport.format(q(j0, j1, "chimera_hop_review_wait_seconds", 0.99)) + " ms");
		report.atMost(n + " Judge commit (database) p95" + at, q(j0, j1, "chimera_hop_judge_commit_seconds", 0.95), 10, "ms");
		report.info(n + " Planned → committed p50 / p99" + at, BenchReport.format(q(j0, j1, "chimera_task_latency_seconds", 0.5))
				+ " / " + BenchReport.format(q(j0, j1, "chimera_task_latency_seconds", 0.99)) + " ms");
		report.atMost(n + " Whole overhead (planned → committed) p95" + at, q(j0, j1, "chimera_task_latency_seconds", 0.95), 50, "ms");
		PrometheusScrape p0 = before.get(Service.PLANNER);
		PrometheusScrape p1 = after.get(Service.PLANNER);
		report.atMost(n + " Database queries p95, worst of planner / judge" + at,
				Math.max(q(p0, p1, "jdbc_query_seconds", 0.95), q(j0, j1, "jdbc_query_seconds", 0.95)), 50, "ms");
		run.drain();
	}

	/** 4. The model answers after a delay: throughput and end-to-end percentiles at the offered rate. */
	static void realistic(BenchRun run) throws Exception {
		BenchOptions options = run.options;
		BenchReport report = run.report;
		int rate = options.rate();
		log("4. realistic model latency (worker " + options.workerLatency().toMillis() + " ms, judge "
				+ options.judgeLatency().toMillis() + " ms, ±25%) at " + rate + " tasks/s for " + options.realistic().toSeconds() + " s");
		run.load.pace("realistic", rate);
		sleep(options.warmup().plus(options.workerLatency()).plus(options.judgeLatency()));
		Map<Service, PrometheusScrape> before = run.probe.scrape();
		long t0 = System.nanoTime();
		long publishedBefore = run.published();
		run.sampleMemory(options.realistic());
		Map<Service, PrometheusScrape> after = run.probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long published = run.published() - publishedBefore;
		run.load.stop();
		PrometheusScrape j0 = before.get(Service.JUDGE);
		PrometheusScrape j1 = after.get(Service.JUDGE);
		String at = " at " + rate + "/s";
		report.atLeast("4. Realistic model: published tasks/s" + at + " offered", published / seconds, rate * 0.95, "tasks/s");
		report.atMost("4. Realistic model: planned → committed p50" + at, q(j0, j1, "chimera_task_latency_seconds", 0.5), 5_000, "ms");
		report.atMost("4. Realistic model: planned → committed p95" + at, q(j0, j1, "chimera_task_latency_seconds", 0.95), 10_000, "ms");
		report.atMost("4. Realistic model: planned → committed p99" + at, q(j0, j1, "chimera_task_latency_seconds", 0.99), 30_000, "ms");
		report.note("Realistic model, mean per task: queue wait " + ms(before, after, Service.WORKER, "chimera_hop_queue_wait_seconds")
				+ ", work " + ms(before, after, Service.WORKER, "chimera_worker_task_seconds")
				+ ", review wait " + ms(before, after, Service.JUDGE, "chimera_hop_review_wait_seconds")
				+ ", judge commit per batch " + ms(before, after, Service.JUDGE, "chimera_hop_judge_commit_seconds"));
		run.drain();
	}
}
