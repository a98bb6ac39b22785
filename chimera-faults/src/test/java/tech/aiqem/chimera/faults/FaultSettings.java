package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How big a fault run is. The short run (the default, in {@code ./mvnw verify}) injects every kind of
 * fault once or twice into a few hundred tasks; the long run ({@code -Dchimera.faults.long=true}) runs at
 * least 2 000 tasks with a fault every few seconds, most of them kills.
 *
 * @param name short or long
 * @param agents content agents, each with one campaign
 * @param postsPerDay each campaign's rate (the most a campaign allows is 48)
 * @param days each campaign's length
 * @param timeScale campaign time over real time
 * @param firstFault when the first fault is injected after the campaigns start
 * @param faultGap time between the starts of two faults
 * @param faults the faults, in the order they are injected
 * @param outage how long Redis and PostgreSQL stay down
 * @param mcpOutage how long the MCP server stays down before it is started again (longer than the 7.5 s
 * of backoff its clients wait through before they escalate with E1002)
 * @param taskTimeout the worker's task timeout (E2001), short so that slow calls are abandoned quickly
 * @param slowShare the share of model calls working a task that hang past the timeout
 * @param drain how long, after the last fault, the run may take to bring every task to a final state
 * @param seed the random seed (faults' order and timing)
 */
record FaultSettings(String name, int agents, int postsPerDay, int days, double timeScale, Duration firstFault,
		Duration faultGap, List<Fault> faults, Duration outage, Duration mcpOutage, Duration taskTimeout, double slowShare, Duration drain,
		long seed) {

	/** The short run must bring every task to a final state; the long one may end with work still queued. */
	boolean requireDrain() {
		return "short".equals(this.name);
	}

	int plannedPosts() {
		return this.agents * this.postsPerDay * this.days;
	}

	static FaultSettings fromSystemProperties() {
		long seed = Long.getLong("chimera.faults.seed", System.nanoTime());
		return Boolean.getBoolean("chimera.faults.long") ? longRun(seed) : shortRun(seed);
	}

	/**
	 * Every kind once, ~290 tasks, about two minutes of faults: the kills close together so that the
	 * services come back at the same time (a JVM takes tens of seconds to start on two cores), then the
	 * server restarts, which wait for every service to be back; their moments within the gaps are random.
	 * The wedge comes before the graceful stop of the worker: the stop's recovery takes about 30 s, and a
	 * wedge after it came when the campaigns' posts (due over about 108 s) were all taken, with no task left
	 * to wedge.
	 */
	static FaultSettings shortRun(long seed) {
		List<Fault> faults = List.of(Fault.WITHDRAW_PAYMENT, Fault.PAUSE_AGENTS, Fault.LOSE_TASK, Fault.DUPLICATE_RESULT, Fault.KILL_WORKER, Fault.KILL_JUDGE, Fault.KILL_PLANNER,
				Fault.MCP_DOWN, Fault.DUPLICATE_TASK, Fault.RESTART_REDIS, Fault.RESTART_POSTGRES, Fault.WEDGE_TASK, Fault.TERM_WORKER);
		return new FaultSettings("short", 2, 48, 3, 2400, Duration.ofSeconds(3), Duration.ofSeconds(2), faults,
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(3), 0.02, Duration.ofSeconds(180), seed);
	}

	/**
	 * At least 2 000 tasks over about 13 minutes (about 2.7 a second, what two cores keep up with while
	 * services keep coming back); a fault every ~13 s, two in three of them a kill -9.
	 */
	static FaultSettings longRun(long seed) {
		Random random = new Random(seed);
		List<Fault> faults = new ArrayList<>();
		Fault[] kills = { Fault.KILL_WORKER, Fault.KILL_JUDGE, Fault.KILL_PLANNER };
		Fault[] others = { Fault.TERM_WORKER, Fault.RESTART_REDIS, Fault.RESTART_POSTGRES, Fault.MCP_DOWN,
				Fault.DUPLICATE_TASK, Fault.DUPLICATE_RESULT, Fault.PAUSE_AGENTS, Fault.WITHDRAW_PAYMENT, Fault.LOSE_TASK, Fault.WEDGE_TASK };
		faults.addAll(List.of(others));
		while (faults.size() < 56) {
			faults.add(random.nextInt(3) < 2 ? kills[random.nextInt(kills.length)] : others[random.nextInt(others.length)]);
		}
		java.util.Collections.shuffle(faults, random);
		return new FaultSettings("long", 4, 48, 11, 1200, Duration.ofSeconds(4), Duration.ofSeconds(13), faults,
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(3), 0.01, Duration.ofSeconds(240), seed);
	}
}
