package tech.aiqem.chimera.local;

import java.time.Duration;
import java.util.Map;

import static tech.aiqem.chimera.local.BenchRun.cpuShare;
import static tech.aiqem.chimera.local.BenchRun.describe;
import static tech.aiqem.chimera.local.BenchRun.log;
import static tech.aiqem.chimera.local.BenchRun.ms;
import static tech.aiqem.chimera.local.BenchRun.sleep;

/** Phases 1 and 2: how many tasks a second the dispatcher, and then the whole pipeline, take. */
final class ThroughputPhases {

	private ThroughputPhases() {
	}

	/** 1. Tasks/s the dispatcher accepts into the priority queues, with no worker taking them. */
	static void ingestion(BenchRun run) throws Exception {
		BenchOptions options = run.options;
		log("1. ingestion for " + options.ingest().toSeconds() + " s (worker stopped)");
		run.local.process(Service.WORKER).stop(Duration.ofSeconds(10));
		run.load.insert("ingest", 60_000);
		run.load.keepBacklog("ingest", 60_000);
		sleep(options.warmup());
		Map<Service, PrometheusScrape> before = run.probe.scrape();
		Map<String, Double> cpuBefore = run.probe.cpuSeconds();
		long t0 = System.nanoTime();
		sleep(options.ingest());
		Map<Service, PrometheusScrape> after = run.probe.scrape();
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Double> cpu = cpuShare(cpuBefore, run.probe.cpuSeconds(), seconds);
		run.load.stop();
		double rate = BenchProbe.delta(before.get(Service.PLANNER), after.get(Service.PLANNER), "chimera_tasks_ingested_total") / seconds;
		run.report.atLeast("1. Ingestion: tasks/s into the queues (dispatcher, " + (long) seconds + " s)", rate, 20_000, "tasks/s");
		run.report.note("Ingestion CPU (cores used of 2): " + describe(cpu));
		// What the dispatcher queued is dropped (those rows stay in progress, unseen); what it did not reach is
		// the next phase's backlog.
		run.clearQueues();
		// From here on the dispatcher keeps the lists at their deployed bound: a backlog beyond what the workers take
		// soon waits in PostgreSQL instead of being pushed (and re-read) at the ingestion rate all phase long.
		Thread planner = new Thread(() -> run.local.relaunch(Service.PLANNER, BenchServices.BOUNDED_PLANNER, Duration.ofSeconds(180)));
		planner.start();
		run.local.process(Service.WORKER).restart();
		run.awaitReady(Service.WORKER);
		planner.join();
	}

	/** 2. Planned to committed and published, model answering at once: the system's own overhead. */
	static void pipeline(BenchRun run) throws Exception {
		BenchOptions options = run.options;
		log("2. whole pipeline for " + options.pipeline().toSeconds() + " s (zero-latency model)");
		run.load.keepBacklog("pipeline", 20_000);
		sleep(options.warmup());
		Map<Service, PrometheusScrape> before = run.probe.scrape();
		Map<String, Double> cpuBefore = run.probe.cpuSeconds();
		long committedBefore = run.judged();
		long publishedBefore = run.published();
		long t0 = System.nanoTime();
		run.sampleMemory(options.pipeline());
		double seconds = (System.nanoTime() - t0) / 1e9;
		// CPU and counts at the window's end: a scrape may take up to its 20 s timeout when a service is busy
		Map<String, Double> cpu = cpuShare(cpuBefore, run.probe.cpuSeconds(), seconds);
		long committed = run.judged() - committedBefore;
		long published = run.published() - publishedBefore;
		Map<Service, PrometheusScrape> after = run.probe.scrape();
		run.load.stop();
		run.report.atLeast("2. Pipeline: tasks/s planned → committed and published (" + (long) seconds + " s)",
				published / seconds, 2_500, "tasks/s");
		run.report.info("2. Pipeline: tasks/s committed by the judge", committed / seconds, "tasks/s");
		run.capacity(committed / seconds);
		run.report.note("Pipeline, where the time goes, mean per task: queue wait " + ms(before, after, Service.WORKER, "chimera_hop_queue_wait_seconds")
				+ ", work " + ms(before, after, Service.WORKER, "chimera_worker_task_seconds")
				+ ", review wait " + ms(before, after, Service.JUDGE, "chimera_hop_review_wait_seconds")
				+ ", judge commit per batch " + ms(before, after, Service.JUDGE, "chimera_hop_judge_commit_seconds")
				+ ", publish tool call " + ms(before, after, Service.JUDGE, "chimera_tool_latency_seconds")
				+ " (queue and review waits include the standing backlog: this phase measures capacity, not latency)");
		run.report.note("Pipeline CPU (cores used of 2): " + describe(cpu));
		run.drain();
	}
}
