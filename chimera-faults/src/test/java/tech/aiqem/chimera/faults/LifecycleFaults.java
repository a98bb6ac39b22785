package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import java.time.Clock;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.local.Api;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.queue.Delivery;
import tech.aiqem.chimera.queue.ReliableQueue;

/**
 * Faults on the task lifecycle rather than on processes: an operator pausing agents while their work
 * is approved and waiting, an operator taking a payment back out of the goals while it is in flight, and
 * a task message lost from Redis. What each must never cause is collected as a violation.
 */
final class LifecycleFaults {

	/** How long the agents stay paused; posts and payments are counted over it. */
	private static final Duration PAUSED = Duration.ofSeconds(8);

	/** In-flight tool calls that began before the pause may still finish. */
	private static final Duration SETTLE = Duration.ofSeconds(2);

	private final Api api;

	private final Database database;

	private final Deliveries deliveries;

	private final Subjects subjects;

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private volatile Withdrawal withdrawal;

	private volatile Delivery wedged;

	/** The lease the wedged task is taken with: the queue must bring it back after it. */
	static final Duration WEDGE_LEASE = Duration.ofSeconds(15);

	/**
	 * @param contentAgents agents with content campaigns
	 * @param payer the agent whose campaign pays
	 * @param editCampaign a campaign of {@code editor} whose payments the goals edit adds and takes back
	 * @param payee the wallet payments go to
	 */
	record Subjects(List<String> contentAgents, String payer, String editor, String editCampaign, String payee) {
	}

	/** A payment taken out of the goals: its purpose and the goals revision from which it is no longer asked for. */
	record Withdrawal(String campaign, String purpose, int revision) {
	}

	LifecycleFaults(Api api, Database database, Deliveries deliveries, Subjects subjects) {
		this.api = api;
		this.database = database;
		this.deliveries = deliveries;
		this.subjects = subjects;
	}

	/** What must not have happened and did. */
	List<String> violations() {
		return List.copyOf(this.violations);
	}

	Withdrawal withdrawal() {
		return this.withdrawal;
	}

	/** Pauses a content agent and the payer; nothing of theirs may be posted or paid until they are resumed. */
	String pauseAgents() {
		List<String> agents = List.of(this.subjects.contentAgents().get(0), this.subjects.payer());
		for (String agent : agents) {
			this.api.post("/v1/agents/" + agent + "/pause", Map.of()).expect(200);
		}
		try {
			FaultInjector.pause(SETTLE);
			String in = "'" + String.join("', '", agents) + "'";
			String posts = "SELECT COUNT(*) FROM sandbox_posts WHERE agent_id IN (" + in + ")";
			String payments = "SELECT COUNT(*) FROM transactions WHERE agent_id IN (" + in + ")";
			String waiting = "SELECT COUNT(*) FROM publications WHERE status = 'pending' AND agent_id IN (" + in + ")";
			long postsBefore = this.database.count(posts);
			long paymentsBefore = this.database.count(payments);
			FaultInjector.pause(PAUSED);
			long postsAfter = this.database.count(posts);
			long paymentsAfter = this.database.count(payments);
			long approvedWaiting = this.database.count(waiting);
			if (postsAfter != postsBefore || paymentsAfter != paymentsBefore) {
				this.violations.add("paused agents acted: posts " + postsBefore + " → " + postsAfter + ", payments "
						+ paymentsBefore + " → " + paymentsAfter + " while paused");
			}
			return "2 agents paused " + (SETTLE.plus(PAUSED)).toSeconds() + " s: posts " + postsBefore + " → " + postsAfter
					+ ", payments " + paymentsBefore + " → " + paymentsAfter + ", " + approvedWaiting + " approved action(s) waiting";
		}
		finally {
			for (String agent : agents) {
				this.api.post("/v1/agents/" + agent + "/resume", Map.of()).expect(200);
			}
		}
	}

	/**
	 * Adds a payment to a campaign's goals, waits until it is planned, then takes it out again while it
	 * is in flight: the payment must not be sent.
	 */
	String withdrawPayment() {
		String campaign = this.subjects.editCampaign();
		String goals = this.database.column("SELECT goals->>'text' FROM campaigns WHERE id = '" + campaign + "'").get(0);
		String purpose = "photo set " + Long.toHexString(System.nanoTime());
		this.api.patch("/v1/campaigns/" + campaign,
				Map.of("goals", goals + " Pay 0.5 USDC to " + this.subjects.payee() + " for " + purpose + ".")).expect(200);
		String planned = "SELECT status FROM tasks WHERE campaign_id = '" + campaign + "' AND context->'payment'->>'purpose' = '"
				+ purpose + "'";
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<String> status = List.of();
		while (System.nanoTime() < deadline && status.isEmpty()) {
			status = this.database.column(planned);
			if (status.isEmpty()) {
				FaultInjector.pause(Duration.ofMillis(20));
			}
		}
		if (status.isEmpty()) {
			throw new IllegalStateException("the payment added to the goals was not planned within 60 s");
		}
		this.api.patch("/v1/campaigns/" + campaign, Map.of("goals", goals)).expect(200);
		int revision = Integer.parseInt(
				this.database.column("SELECT goals_revision FROM campaigns WHERE id = '" + campaign + "'").get(0));
		this.withdrawal = new Withdrawal(campaign, purpose, revision);
		return "payment for " + purpose + " added, planned (" + status.get(0) + "), then taken out of the goals (revision "
				+ revision + ")";
	}

	/** Payments sent for the withdrawn goal by tasks planned after it was withdrawn (never allowed). */
	long paidAfterWithdrawal() {
		Withdrawal w = this.withdrawal;
		if (w == null) {
			return 0;
		}
		return this.database.count("""
				SELECT COUNT(*) FROM transactions x JOIN tasks t ON t.id = x.task_id
				 WHERE t.campaign_id = '%s' AND t.context->'payment'->>'purpose' = '%s' AND t.goals_revision >= %d
				""".formatted(w.campaign(), w.purpose(), w.revision()));
	}

	/**
	 * Takes a queued task as a thread of the live worker would (the queue's own pop, under the worker's
	 * consumer id, whose heartbeat stays fresh) and never finishes it: a wedged thread. Only the message's
	 * lease can bring it back; the reaper of dead consumers never will. The worker process is held still
	 * (SIGSTOP, as in a long pause) until the pop has taken a task: with the worker keeping up, its waiting
	 * threads would otherwise take every task as it is pushed, and this pop would seldom win one.
	 */
	String wedgeTask(String redisUrl, long workerPid) {
		String worker = this.deliveries.liveWorker();
		if (worker == null) {
			throw new IllegalStateException("no live worker to wedge");
		}
		try (Redis redis = new Redis(redisUrl)) {
			ReliableQueue queue = new ReliableQueue(redis, worker, Duration.ofSeconds(15), WEDGE_LEASE, Clock.systemUTC());
			try (ReliableQueue.Consumer consumer = queue.consumer()) {
				Delivery delivery;
				signal(workerPid, "STOP");
				try {
					delivery = consumer.popByPriority(RedisKeys.taskQueues(), Duration.ofSeconds(10));
				}
				finally {
					signal(workerPid, "CONT");
				}
				if (delivery == null) {
					throw new IllegalStateException("no queued task to wedge within 10 s of the worker held still");
				}
				this.wedged = delivery;
				return "task " + Deliveries.taskId(delivery.payload()) + " taken by a wedged thread of live worker " + worker
						+ " (lease " + WEDGE_LEASE.toSeconds() + " s)";
			}
		}
	}

	private static void signal(long pid, String signal) {
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted sending SIG" + signal, ex);
		}
	}

	/** The wedged message, if it is still in the live worker's processing list (it must have come back). */
	long wedgedStillHeld() {
		Delivery delivery = this.wedged;
		return delivery != null && this.deliveries.holds(delivery.processingKey(), delivery.payload()) ? 1 : 0;
	}

	/** The wedged message's task id, to check that it was finished after all; null when none was wedged. */
	String wedgedTask() {
		Delivery delivery = this.wedged;
		return delivery == null ? null : Deliveries.taskId(delivery.payload());
	}

	/** Drops a task message from its Redis queue, as a Redis failover without persistence would lose it. */
	String loseTaskMessage(Set<String> keep) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String task = this.deliveries.dropTask(keep);
			if (task != null) {
				return "task message of " + task + " dropped from its queue";
			}
			FaultInjector.pause(Duration.ofMillis(20));
		}
		throw new IllegalStateException("no queued task message to drop within 60 s");
	}
}
