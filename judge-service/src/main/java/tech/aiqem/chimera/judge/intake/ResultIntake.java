package tech.aiqem.chimera.judge.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.judge.commit.ModelSpend;
import tech.aiqem.chimera.judge.commit.ResultCommitter;
import tech.aiqem.chimera.judge.review.Judge;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.judge.review.ServedToolCalls;
import tech.aiqem.chimera.judge.review.TaskState;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.queue.Delivery;
import tech.aiqem.chimera.queue.ReliableQueue;

/**
 * One step of the judge: pop up to a batch of results from the review lists in the ready set, load
 * their tasks and campaigns in one query, judge them (model calls in parallel), commit them in one
 * transaction with per-campaign OCC, and only then acknowledge their messages. Results that could not
 * be committed are returned to their review lists at once (a live judge's processing list is never
 * reaped); only if this judge dies first do they come back through the reaper.
 */
public final class ResultIntake implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ResultIntake.class);

	private final ReliableQueue queue;

	private final ReliableQueue.Consumer consumer;

	private final JdbcClient jdbc;

	private final Judge judge;

	private final ResultCommitter committer;

	private final ModelSpend spend;

	private final ExecutorService modelCalls;

	/** The tools server's records of the batch's tool calls, read once per batch. */
	private final ServedToolCalls served;

	private final int batchSize;

	private final Duration popWait;

	private final Clock clock;

	private final MeterRegistry meters;

	public ResultIntake(ReliableQueue queue, JdbcClient jdbc, Judge judge, ServedToolCalls served, ResultCommitter committer,
			ModelSpend spend, ExecutorService modelCalls, int batchSize, Duration popWait, Clock clock, MeterRegistry meters) {
		this.queue = queue;
		this.served = served;
		this.consumer = queue.consumer();
		this.jdbc = jdbc;
		this.judge = judge;
		this.committer = committer;
		this.spend = spend;
		this.modelCalls = modelCalls;
		this.batchSize = batchSize;
		this.popWait = popWait;
		this.clock = clock;
		this.meters = meters;
	}

	public boolean step() throws Exception {
		List<Delivery> deliveries = this.consumer.popReady(this.batchSize, this.popWait);
		if (deliveries.isEmpty()) {
			return false;
		}
		List<Delivery> decodedDeliveries = new ArrayList<>();
		List<ResultMessage> results = new ArrayList<>();
		for (Delivery delivery : deliveries) {
			ResultMessage result = this.queue.decodeOrDeadLetter(delivery, ResultMessage.class);
			if (result != null) {
				decodedDeliveries.add(delivery);
				results.add(result);
			}
		}
		if (results.isEmpty()) {
			return true;
		}
		try {
			judgeAndCommit(decodedDeliveries, results);
		}
		catch (Exception ex) {
			// This judge is alive, so the reaper would never return them: back to their review lists now.
			returnToQueues(decodedDeliveries);
			throw ex;
		}
		return true;
	}

	private void judgeAndCommit(List<Delivery> decodedDeliveries, List<ResultMessage> results) throws Exception {
		List<UUID> ids = results.stream().map(r -> r.taskId().value()).distinct().toList();
		Map<UUID, TaskState> tasks = this.jdbc.sql(TaskState.SELECT + " WHERE t.id IN (:ids)")
			.param("ids", ids)
			.query(TaskState::map)
			.list()
			.stream()
			.collect(Collectors.toMap(TaskState::taskId, Function.identity()));
		this.served.prefetch(tasks.keySet());
		try {
			judgeAndCommitLoaded(decodedDeliveries, results, tasks);
		}
		finally {
			this.served.forget(tasks.keySet());
		}
	}

	private void judgeAndCommitLoaded(List<Delivery> decodedDeliveries, List<ResultMessage> results,
			Map<UUID, TaskState> tasks) throws Exception {
		List<Future<Judged>> futures = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			ResultMessage result = results.get(i);
			Delivery delivery = decodedDeliveries.get(i);
			TaskState task = tasks.get(result.taskId().value());
			if (task == null) {
				this.queue.deadLetter(delivery, "result for unknown task " + result.taskId());
				continue;
			}
			futures.add(this.modelCalls.submit(() -> {
				org.slf4j.MDC.put("task_id", result.taskId().toString());
				org.slf4j.MDC.put("agent_id", String.valueOf(task.agentId()));
				try {
					return this.judge.judge(delivery, result, task);
				}
				finally {
					org.slf4j.MDC.remove("task_id");
					org.slf4j.MDC.remove("agent_id");
				}
			}));
		}
		List<Judged> judged = new ArrayList<>();
		for (Future<Judged> future : futures) {
			judged.add(this.spend.charge(future.get()));
		}
		Instant before = this.clock.instant();
		List<Judged> committed = this.committer.commit(judged);
		this.queue.ackAll(committed.stream().map(Judged::delivery).toList());
		// Every delivery taken is acknowledged, returned or dead-lettered: what could not be committed (still
		// conflicting after the retries, or its task gone) goes back now, not when this live judge dies.
		java.util.Set<Delivery> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		committed.forEach(item -> done.add(item.delivery()));
		List<Delivery> left = judged.stream().map(Judged::delivery).filter(delivery -> !done.contains(delivery)).toList();
		if (!left.isEmpty()) {
			this.meters.counter("chimera.judge.returned").increment(left.size());
			returnToQueues(left);
		}
		notify(committed);
		for (Judged item : committed) {
			if (item.writes()) {
				Timer.builder("chimera.task.latency")
					.description("End to end: from planned to committed by the judge (real time)")
					.tag("task_type", item.task().type().wire())
					.publishPercentiles(0.5, 0.95, 0.99)
					.register(this.meters)
					.record(ScaledClock.realSpan(this.clock, item.task().createdAt(), before).abs());
			}
		}
	}

	/**
	 * Returns results that could not be committed (e.g. PostgreSQL down, E2002) to their review lists;
	 * a message already acknowledged or dead-lettered is left alone. When Redis is away too they stay in
	 * this judge's processing list until the judge restarts and the reaper returns them.
	 */
	private void returnToQueues(List<Delivery> deliveries) {
		try {
			deliveries.forEach(this.queue::requeue);
		}
		catch (RuntimeException ex) {
			log.warn("Could not return {} result(s) to their review lists: {}", deliveries.size(), ex.getMessage());
		}
	}

	/** Best-effort notifications after the commit: PostgreSQL is the truth, these only wake others up. */
	private void notify(List<Judged> committed) {
		try {
			List<String> reviews = committed.stream().filter(j -> j.kind() == Judged.Kind.HUMAN_REVIEW)
				.map(j -> j.task().taskId().toString()).toList();
			if (!reviews.isEmpty()) {
				this.queue.notify(RedisKeys.HITL, reviews, 1000);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Notification failed (PostgreSQL has the truth): {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}
}
