package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.local.RunningChimera;
import tech.aiqem.chimera.local.Service;

/**
 * Injects the run's faults at their times, each on its own thread so that they overlap as real ones do,
 * and measures each one's recovery. Faults on the same target (a service, a server) wait for each other:
 * a service is not killed while it is being brought back.
 */
final class FaultInjector {

	private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);

	private static final Duration GRACE = Duration.ofSeconds(30);

	/**
	 * How long a duplication waits for a message to copy: while killed services come back (tens of seconds
	 * on two cores) nothing may be queued or being judged.
	 */
	private static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(150);

	private final RunningChimera chimera;

	private final Servers servers;

	private final Database database;

	private final Deliveries deliveries;

	private final FaultSettings settings;

	private final LifecycleFaults lifecycle;

	private final long started;

	private final List<Injection> injections = new CopyOnWriteArrayList<>();

	private final Set<String> duplicated = new ConcurrentSkipListSet<>();

	private final Map<Target, ReentrantLock> locks = new EnumMap<>(Target.class);

	/** A server outage waits until no service is down and stops the others until it is over. */
	private final java.util.concurrent.locks.ReentrantReadWriteLock outages = new java.util.concurrent.locks.ReentrantReadWriteLock(true);

	FaultInjector(RunningChimera chimera, Servers servers, Database database, Deliveries deliveries,
			FaultSettings settings, LifecycleFaults lifecycle, long started) {
		this.lifecycle = lifecycle;
		this.chimera = chimera;
		this.servers = servers;
		this.database = database;
		this.deliveries = deliveries;
		this.settings = settings;
		this.started = started;
		for (Target target : Target.values()) {
			this.locks.put(target, new ReentrantLock(true));
		}
	}

	/** Injects every fault of the settings; returns when each has recovered (or its limit passed). */
	List<Injection> run() throws InterruptedException {
		Random random = new Random(this.settings.seed());
		List<Thread> threads = new ArrayList<>();
		long gap = this.settings.faultGap().toMillis();
		for (int i = 0; i < this.settings.faults().size(); i++) {
			Fault fault = this.settings.faults().get(i);
			long at = this.settings.firstFault().toMillis() + i * gap + (long) (random.nextDouble() * gap * 0.6);
			long wait = this.started + at * 1_000_000 - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000);
			}
			Thread thread = new Thread(() -> inject(fault), "fault-" + i + "-" + fault.name());
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return List.copyOf(this.injections);
	}

	/** The task ids delivered twice on purpose. */
	Set<String> duplicated() {
		return this.duplicated;
	}

	private void inject(Fault fault) {
		ReentrantLock lock = this.locks.get(Target.of(fault));
		java.util.concurrent.locks.Lock outage = Target.of(fault) == Target.SERVERS ? this.outages.writeLock()
				: this.outages.readLock();
		// the target first, then the outage: faults on one target run in the order they were scheduled, not in
		// whichever order they wake after a server restart (nothing waits for a target while holding the outage)
		lock.lock();
		outage.lock();
		try {
			long at = System.nanoTime();
			String note = switch (fault) {
				case KILL_WORKER -> kill(Service.WORKER);
				case KILL_JUDGE -> kill(Service.JUDGE);
				case KILL_PLANNER -> kill(Service.PLANNER);
				case TERM_WORKER -> terminateWorker();
				case MCP_DOWN -> mcpDown();
				case RESTART_REDIS -> outage("Redis", this.servers::stopRedis, this.servers::startRedis);
				case RESTART_POSTGRES -> outage("PostgreSQL", this.servers::stopPostgres, this.servers::startPostgres);
				case DUPLICATE_TASK -> duplicate("task", this.deliveries::duplicateTask);
				case DUPLICATE_RESULT -> duplicate("result", this.deliveries::duplicateResult);
				case PAUSE_AGENTS -> this.lifecycle.pauseAgents();
				case WITHDRAW_PAYMENT -> this.lifecycle.withdrawPayment();
				case LOSE_TASK -> this.lifecycle.loseTaskMessage(this.duplicated);
				case WEDGE_TASK -> this.lifecycle.wedgeTask(this.servers.redisUrl(), this.chimera.pid(Service.WORKER));
			};
			Duration recovery = Target.of(fault).services().isEmpty() ? Duration.ZERO
					: awaitRecovery(at, Target.of(fault).services());
			Injection injection = new Injection(fault, Duration.ofNanos(at - this.started), recovery, note);
			log.info("Fault {}: {} (recovered in {})", fault.label(), note, recovery);
			this.injections.add(injection);
		}
		catch (RuntimeException ex) {
			log.error("Fault {} could not be injected", fault.label(), ex);
			this.injections.add(new Injection(fault, Duration.ofNanos(System.nanoTime() - this.started), null,
					"injection failed: " + ex.getMessage()));
		}
		finally {
			outage.unlock();
			lock.unlock();
		}
	}

	private String kill(Service service) {
		long inFlight = service == Service.WORKER ? this.deliveries.inFlight() : -1;
		long pid = this.chimera.pid(service);
		this.chimera.kill(service);
		this.chimera.restart(service);
		return "pid " + pid + " killed" + (inFlight >= 0 ? " with " + inFlight + " task(s) in flight" : "");
	}

	private String terminateWorker() {
		long inFlight = this.deliveries.inFlight();
		long begun = System.nanoTime();
		boolean graceful = this.chimera.terminate(Service.WORKER, GRACE);
		long took = (System.nanoTime() - begun) / 1_000_000;
		this.chimera.restart(Service.WORKER);
		if (!graceful) {
			throw new IllegalStateException("the worker did not stop within the " + GRACE.toSeconds() + " s grace period");
		}
		return inFlight + " task(s) in flight; stopped in " + took + " ms (grace " + GRACE.toSeconds() + " s)";
	}

	private String mcpDown() {
		this.chimera.kill(Service.MCP_TOOLS);
		pause(this.settings.mcpOutage());
		this.chimera.restart(Service.MCP_TOOLS);
		return "killed, down " + this.settings.mcpOutage().toSeconds() + " s plus its start";
	}

	/** Stops a server for the outage while watching the services' readiness, then starts it again. */
	private String outage(String what, Runnable stop, Runnable start) {
		HealthWatch watch = new HealthWatch(this.chimera);
		watch.start();
		try {
			stop.run();
			pause(this.settings.outage());
			start.run();
			await(watch::allReady, Duration.ofSeconds(180));
			pause(Duration.ofSeconds(1));
		}
		finally {
			watch.stop();
		}
		if (watch.sawDown().isEmpty()) {
			throw new IllegalStateException("no service's readiness went DOWN while " + what + " was down");
		}
		return what + " down " + this.settings.outage().toSeconds() + " s; readiness DOWN seen at " + watch.sawDown()
				+ ", all UP again " + watch.allUpAfter();
	}

	private String duplicate(String what, java.util.function.Supplier<String> duplicate) {
		long deadline = System.nanoTime() + DUPLICATE_WINDOW.toNanos();
		while (System.nanoTime() < deadline) {
			String taskId;
			try {
				taskId = duplicate.get();
			}
			catch (RuntimeException ex) {
				taskId = null;
			}
			if (taskId != null) {
				this.duplicated.add(taskId);
				return what + " of " + taskId + " delivered twice";
			}
			pause(Duration.ofMillis(20));
		}
		throw new IllegalStateException(
				"no " + what + " message to duplicate within " + DUPLICATE_WINDOW.toSeconds() + " s");
	}

	/** Ready again and a task finished after the fault was cleared; or nothing left to finish. */
	private Duration awaitRecovery(long at, List<Service> services) {
		long finishedAtClear = this.database.countOrUnknown("SELECT COUNT(*) FROM tasks WHERE status IN ('complete', 'failed')");
		boolean recovered = await(() -> {
			for (Service service : services) {
				if (!this.chimera.isReady(service)) {
					return false;
				}
			}
			long finished = this.database.countOrUnknown("SELECT COUNT(*) FROM tasks WHERE status IN ('complete', 'failed')");
			long open = this.database.countOrUnknown("SELECT COUNT(*) FROM tasks WHERE status IN ('in_progress', 'review')");
			return finished >= 0 && (finished > finishedAtClear || open == 0);
		}, RECOVERY_LIMIT);
		return recovered ? Duration.ofNanos(System.nanoTime() - at) : null;
	}

	private static boolean await(BooleanSupplier condition, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (condition.getAsBoolean()) {
					return true;
				}
			}
			catch (RuntimeException ex) {
				// a server on its way back
			}
			pause(Duration.ofMillis(200));
		}
		return false;
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a fault hits; faults on one target do not overlap. */
	enum Target {

		WORKER(List.of(Service.WORKER)), JUDGE(List.of(Service.JUDGE)), PLANNER(List.of(Service.PLANNER)),
		MCP(List.of(Service.MCP_TOOLS)), SERVERS(List.of(Service.values())), QUEUES(List.of()), LIFECYCLE(List.of());

		private final List<Service> services;

		Target(List<Service> services) {
			this.services = services;
		}

		List<Service> services() {
			return this.services;
		}

		static Target of(Fault fault) {
			return switch (fault) {
				// the wedge waits for the worker's other faults: the thread it wedges belongs to a worker that stays up
				case KILL_WORKER, TERM_WORKER, WEDGE_TASK -> WORKER;
				case KILL_JUDGE -> JUDGE;
				case KILL_PLANNER -> PLANNER;
				case MCP_DOWN -> MCP;
				case RESTART_REDIS, RESTART_POSTGRES -> SERVERS;
				case DUPLICATE_TASK, DUPLICATE_RESULT -> QUEUES;
				case PAUSE_AGENTS, WITHDRAW_PAYMENT, LOSE_TASK -> LIFECYCLE;
			};
		}
	}
}
