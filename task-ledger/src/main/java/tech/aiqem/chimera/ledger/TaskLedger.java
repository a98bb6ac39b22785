package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.message.Publication;

/**
 * Every transition of a task, each a method that takes what the transition needs and records its event.
 * A transition applies only from the states it starts in; one that finds the task elsewhere changes
 * nothing and says so (false, or the rows it did not write), so a repeated or late delivery is harmless.
 *
 * <pre>
 * planned → pending ──queued──▶ in_progress ──judged──▶ review ──published──▶ complete
 *              │                     │                     │  (approved by the judge or a human)
 *              └─undispatchable──────┴──judged (reject)────┴──rejected / publishFailed──▶ failed
 * </pre>
 */
public interface TaskLedger {

	/**
	 * The PostgreSQL notification channel on which {@link #planned(List)} announces, when its transaction commits,
	 * that it inserted a task already due: the dispatcher listens on it instead of waiting for its next look.
	 */
	String TASKS_DUE_CHANNEL = "chimera_tasks_due";

	/** Inserts a planned task ({@code pending}) unless its origin was planned already; true when inserted. */
	boolean planned(PlannedTask task);

	/**
	 * {@link #planned(PlannedTask)} for many tasks at once, one JDBC batch per statement (a planner far ahead,
	 * the benchmark's load); per task, whether it was inserted.
	 */
	boolean[] planned(List<PlannedTask> tasks);

	/** {@code pending → in_progress}: the tasks were pushed to their queues. */
	void queued(List<UUID> tasks, Instant now);

	/** {@code pending → failed}: the stored row does not make a valid task message. */
	void undispatchable(UUID task, String problem, Instant now);

	/**
	 * {@code pending|in_progress → review|failed} for a batch of judged results: the task rows, their
	 * {@code picked} and {@code judged} events, the outbox rows of approved ones, the review items of
	 * escalated ones and their incidents. Returns, per judgement, whether it was written (false: the task
	 * had already left those states).
	 */
	boolean[] judged(List<Judgement> judgements, Instant now);

	/** A human approved a task in review: marked approved by a human and its action put in the outbox. */
	boolean approvedByHuman(UUID task, UUID tenant, UUID agent, Publication publication, Instant now);

	/** {@code review → failed}: a human rejected it. */
	boolean rejectedByHuman(UUID task, String reviewer, Instant now);

	/**
	 * The publisher performed the task's action: {@code review → complete} (a post, a confirmed payment)
	 * or still {@code review} (a payment sent, waiting for its receipt), with the platform's reference.
	 */
	void published(UUID task, TaskStatus status, String ref, Instant now);

	/** {@code review → failed}: the action was refused, invalidated or gave up; the outbox row fails with it. */
	void publishFailed(UUID task, ErrorCode code, String message, Instant now);

	/**
	 * {@code in_progress|review → failed} (E2001) for tasks whose deadline passed before {@code cutoff} and
	 * that are in progress, or in review with nothing that will move them on (no open human review, outbox
	 * row or pending transaction); each gets a {@code swept} event and a {@code task_stuck} incident.
	 * At most {@code limit} per call; returns how many were swept.
	 */
	int swept(Instant cutoff, int limit, Instant now);

	/** Payment tasks in review whose transaction the chain confirmed or failed: complete or failed. */
	int settlePayments(Instant now);
}
