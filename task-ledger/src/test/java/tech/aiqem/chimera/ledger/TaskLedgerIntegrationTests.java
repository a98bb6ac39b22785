package tech.aiqem.chimera.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.CampaignStatus;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskStatus;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Each transition on a real PostgreSQL: what it writes, once, and only from the states it starts in. */
class TaskLedgerIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private Ledger ledger;

	private UUID tenant;

	private UUID agent;

	private UUID campaign;

	@BeforeEach
	void database() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.ledger = Ledger.on(dataSource);
		this.tenant = UUID.randomUUID();
		this.agent = UUID.randomUUID();
		this.campaign = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', '# Selam', '{}'::jsonb, 'active')
				""").params(this.agent, this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts)
				VALUES (?, ?, ?, 'Kemis week', '{"text":"Grow"}'::jsonb, 'active', ?, 1, 3, 3)
				""").params(this.campaign, this.tenant, this.agent, Timestamp.from(NOW)).update();
	}

	@Test
	void aTaskIsPlannedOncePerOriginAndQueuedOnlyFromPending() {
		UUID first = plan("slot-1");
		assertThat(this.ledger.tasks().planned(planned(UUID.randomUUID(), "slot-1"))).isFalse();
		this.ledger.tasks().queued(List.of(first), NOW);
		this.ledger.tasks().queued(List.of(first), NOW.plusSeconds(1));
		assertThat(status(first)).isEqualTo("in_progress");
		assertThat(events(first)).containsExactly("planned", "queued");
	}

	@Test
	void aBatchIsPlannedOncePerOriginWithAnEventForEachTaskInserted() {
		UUID known = plan("slot-1");
		UUID fresh = UUID.randomUUID();
		UUID repeated = UUID.randomUUID();
		boolean[] inserted = this.ledger.tasks()
			.planned(List.of(planned(fresh, "slot-2"), planned(repeated, "slot-1"), planned(UUID.randomUUID(), "slot-3")));
		assertThat(inserted).containsExactly(true, false, true);
		assertThat(status(fresh)).isEqualTo("pending");
		assertThat(events(fresh)).containsExactly("planned");
		assertThat(events(known)).containsExactly("planned");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM tasks WHERE id = ?").param(repeated).query(Integer.class).single()).isZero();
		assertThat(this.ledger.tasks().planned(List.of())).isEmpty();
	}

	@Test
	void aJudgementIsWrittenOnceWithItsOutboxRowAndALateDuplicateChangesNothing() {
		UUID task = plan("slot-1");
		this.ledger.tasks().queued(List.of(task), NOW);
		Judgement approved = judgement(task, Judgement.Outcome.APPROVED, null);
		assertThat(this.ledger.tasks().judged(List.of(approved), NOW)).containsExactly(true);
		assertThat(this.ledger.tasks().judged(List.of(approved), NOW.plusSeconds(5))).containsExactly(false);
		assertThat(status(task)).isEqualTo("review");
		assertThat(this.jdbc.sql("SELECT approved_by FROM tasks WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo("judge");
		assertThat(count("publications", task)).isOne();
		assertThat(events(task)).containsExactly("planned", "queued", "picked", "judged");
	}

	@Test
	void anEscalationOpensAReviewItemAndItsIncident() {
		UUID task = plan("slot-1");
		Judgement review = judgement(task, Judgement.Outcome.HUMAN_REVIEW, ErrorCode.E1003);
		assertThat(this.ledger.tasks().judged(List.of(review), NOW)).containsExactly(true);
		assertThat(count("hitl_reviews", task)).isOne();
		assertThat(count("incidents", task)).isOne();
		assertThat(count("publications", task)).isZero();
		assertThat(this.ledger.tasks().rejectedByHuman(task, "ops@acme", NOW)).isTrue();
		assertThat(status(task)).isEqualTo("failed");
		assertThat(this.ledger.tasks().approvedByHuman(task, this.tenant, this.agent, post(), NOW))
			.as("a task no longer in review cannot be approved")
			.isFalse();
		assertThat(count("publications", task)).isZero();
	}

	@Test
	void aClaimedOutboxItemIsPublishedOnceAndAFailureEndsTaskAndRow() {
		UUID posted = plan("slot-1");
		UUID refused = plan("slot-2");
		this.ledger.tasks().judged(List.of(judgement(posted, Judgement.Outcome.APPROVED, null),
				judgement(refused, Judgement.Outcome.APPROVED, null)), NOW);
		OutboxItem item = claimOne(NOW, NOW.plusSeconds(120)).orElseThrow();
		assertThat(item.taskStatus()).isEqualTo(TaskStatus.REVIEW);
		assertThat(item.campaignStatus()).isEqualTo(CampaignStatus.ACTIVE);
		assertThat(item.stale()).isFalse();
		assertThat(item.publication().textContent()).isEqualTo("Kemis season is here");
		this.ledger.tasks().published(posted, TaskStatus.COMPLETE, "tw-1", NOW);
		this.ledger.tasks().published(posted, TaskStatus.COMPLETE, "tw-2", NOW);
		assertThat(status(posted)).isEqualTo("complete");
		assertThat(this.jdbc.sql("SELECT external_ref FROM publications WHERE task_id = ?").param(posted).query(String.class)
			.single()).isEqualTo("tw-1");
		this.ledger.tasks().publishFailed(refused, ErrorCode.E1001, "over budget", NOW);
		assertThat(status(refused)).isEqualTo("failed");
		assertThat(this.jdbc.sql("SELECT error_code FROM tasks WHERE id = ?").param(refused).query(String.class).single())
			.isEqualTo("E1001");
		assertThat(this.ledger.outbox().claimBatch(NOW.plusSeconds(600), NOW.plusSeconds(720), 10)).as("both ended").isEmpty();
	}

	@Test
	void aDeferredItemIsNotDueUntilItsTime() {
		UUID task = plan("slot-1");
		this.ledger.tasks().judged(List.of(judgement(task, Judgement.Outcome.APPROVED, null)), NOW);
		this.ledger.outbox().defer(task, NOW.plus(Duration.ofMinutes(1)), "paused");
		assertThat(claimOne(NOW.plusSeconds(30), NOW.plusSeconds(150))).isEmpty();
		this.ledger.outbox().retry(task, 2, "timeout", NOW.plusSeconds(90));
		assertThat(claimOne(NOW.plusSeconds(91), NOW.plusSeconds(211))).get().extracting(OutboxItem::attempts).isEqualTo(2);
	}

	@Test
	void aClaimedItemIsLeasedAndComesBackWhenItsClaimerDies() {
		UUID first = plan("slot-1");
		UUID second = plan("slot-2");
		this.ledger.tasks().judged(List.of(judgement(first, Judgement.Outcome.APPROVED, null),
				judgement(second, Judgement.Outcome.APPROVED, null)), NOW);
		assertThat(this.ledger.outbox().claimBatch(NOW, NOW.plusSeconds(120), 10)).extracting(OutboxItem::task)
			.containsExactlyInAnyOrder(first, second);
		assertThat(this.ledger.outbox().claimBatch(NOW.plusSeconds(60), NOW.plusSeconds(180), 10))
			.as("leased to their first claimer")
			.isEmpty();
		assertThat(this.ledger.outbox().claimBatch(NOW.plusSeconds(121), NOW.plusSeconds(241), 10))
			.as("due again once the lease ended without an outcome")
			.extracting(OutboxItem::task)
			.containsExactlyInAnyOrder(first, second);
	}

	@Test
	void aBatchClaimTakesAtMostItsLimitOldestDueFirst() {
		List<UUID> tasks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			UUID task = plan("slot-" + i);
			this.ledger.tasks().judged(List.of(judgement(task, Judgement.Outcome.APPROVED, null)), NOW);
			this.ledger.outbox().defer(task, NOW.plusSeconds(5 - i), null);
			tasks.add(0, task);
		}
		Instant due = NOW.plusSeconds(10);
		assertThat(this.ledger.outbox().claimBatch(due, due.plusSeconds(120), 3)).extracting(OutboxItem::task)
			.containsExactlyInAnyOrderElementsOf(tasks.subList(0, 3));
		assertThat(this.ledger.outbox().claimBatch(due, due.plusSeconds(120), 3)).extracting(OutboxItem::task)
			.containsExactlyInAnyOrderElementsOf(tasks.subList(3, 5));
		assertThat(this.ledger.outbox().claimBatch(due, due.plusSeconds(120), 3)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM publications WHERE next_attempt_at = ?")
			.param(Timestamp.from(due.plusSeconds(120))).query(Integer.class).single()).as("each leased").isEqualTo(5);
	}

	@Test
	void concurrentClaimersNeverTakeTheSameRow() throws Exception {
		int rows = 60;
		List<Judgement> approved = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			approved.add(judgement(plan("slot-" + i), Judgement.Outcome.APPROVED, null));
		}
		this.ledger.tasks().judged(approved, NOW);
		int claimers = 4;
		CyclicBarrier start = new CyclicBarrier(claimers);
		Queue<UUID> claimed = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(claimers);
		try {
			List<Future<Integer>> claims = new ArrayList<>();
			for (int i = 0; i < claimers; i++) {
				claims.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					int batches = 0;
					List<OutboxItem> batch = this.ledger.outbox().claimBatch(NOW, NOW.plusSeconds(120), 7);
					while (!batch.isEmpty()) {
						assertThat(batch).hasSizeLessThanOrEqualTo(7);
						batch.forEach(item -> claimed.add(item.task()));
						batches++;
						batch = this.ledger.outbox().claimBatch(NOW, NOW.plusSeconds(120), 7);
					}
					return batches;
				}));
			}
			for (Future<Integer> claim : claims) {
				claim.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(claimed).hasSize(rows).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(approved.stream().map(Judgement::task).toList());
	}

	@Test
	void aClaimSkipsARowAnotherClaimerHasLockedInsteadOfWaiting() throws Exception {
		UUID locked = plan("slot-1");
		UUID free = plan("slot-2");
		this.ledger.tasks().judged(List.of(judgement(locked, Judgement.Outcome.APPROVED, null),
				judgement(free, Judgement.Outcome.APPROVED, null)), NOW);
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("SELECT 1 FROM publications WHERE task_id = ? FOR NO KEY UPDATE")) {
				lock.setObject(1, locked);
				lock.executeQuery().close();
			}
			List<OutboxItem> claimed = assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> this.ledger.outbox().claimBatch(NOW, NOW.plusSeconds(120), 10), "a claim waited for a locked row");
			assertThat(claimed).extracting(OutboxItem::task).containsExactly(free);
			other.rollback();
		}
		assertThat(this.ledger.outbox().claimBatch(NOW, NOW.plusSeconds(120), 10)).extracting(OutboxItem::task)
			.as("taken once its lock is gone")
			.containsExactly(locked);
	}

	@Test
	void aPausedAgentsItemsWaitUntilItIsResumed() {
		UUID task = plan("slot-1");
		this.ledger.tasks().judged(List.of(judgement(task, Judgement.Outcome.APPROVED, null)), NOW);
		this.jdbc.sql("UPDATE agents SET status = 'paused' WHERE id = ?").param(this.agent).update();
		assertThat(claimOne(NOW.plusSeconds(10), NOW.plusSeconds(130))).isEmpty();
		assertThat(claimOne(NOW.plusSeconds(500), NOW.plusSeconds(620))).isEmpty();
		this.jdbc.sql("UPDATE agents SET status = 'active' WHERE id = ?").param(this.agent).update();
		assertThat(claimOne(NOW.plusSeconds(501), NOW.plusSeconds(621))).get()
			.extracting(OutboxItem::task)
			.isEqualTo(task);
	}

	@Test
	void theSweeperFailsOnlyTasksThatNothingWillFinishPastTheirDeadline() {
		UUID lost = plan("slot-1");
		UUID early = plan("slot-2");
		UUID awaitingHuman = plan("slot-3");
		UUID awaitingPublisher = plan("slot-4");
		UUID approvedButDropped = plan("slot-5");
		this.ledger.tasks().queued(List.of(lost, early, awaitingHuman, awaitingPublisher, approvedButDropped), NOW);
		this.ledger.tasks().judged(List.of(judgement(awaitingHuman, Judgement.Outcome.HUMAN_REVIEW, ErrorCode.E1006),
				judgement(awaitingPublisher, Judgement.Outcome.APPROVED, null),
				judgement(approvedButDropped, Judgement.Outcome.APPROVED, null)), NOW);
		this.jdbc.sql("DELETE FROM publications WHERE task_id = ?").param(approvedButDropped).update();
		this.jdbc.sql("UPDATE tasks SET deadline = ? WHERE id = ?").params(Timestamp.from(NOW.plus(Duration.ofDays(1))), early)
			.update();
		Instant later = NOW.plus(Duration.ofHours(3));

		assertThat(this.ledger.tasks().swept(later.minus(Duration.ofMinutes(10)), 100, later)).isEqualTo(2);
		assertThat(this.ledger.tasks().swept(later.minus(Duration.ofMinutes(10)), 100, later)).as("once").isZero();

		for (UUID swept : List.of(lost, approvedButDropped)) {
			assertThat(this.jdbc.sql("SELECT status || ' ' || error_code FROM tasks WHERE id = ?").param(swept)
				.query(String.class)
				.single()).isEqualTo("failed E2001");
			assertThat(events(swept)).endsWith("swept");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM incidents WHERE task_id = ? AND kind = 'task_stuck' AND code = 'E2001'")
				.param(swept)
				.query(Integer.class)
				.single()).isOne();
		}
		assertThat(status(early)).as("not past its deadline").isEqualTo("in_progress");
		assertThat(status(awaitingHuman)).as("a human review is open").isEqualTo("review");
		assertThat(status(awaitingPublisher)).as("its outbox row is pending").isEqualTo("review");
	}

	@Test
	void theCampaignVersionMovesOnlyFromTheVersionExpected() {
		long version = this.jdbc.sql("SELECT state_version FROM campaigns WHERE id = ?").param(this.campaign)
			.query(Long.class).single();
		assertThat(this.ledger.campaigns().advance(this.campaign, version, 3, NOW)).isTrue();
		assertThat(this.ledger.campaigns().advance(this.campaign, version, 3, NOW)).isFalse();
		this.ledger.campaigns().advance(this.campaign, NOW);
		assertThat(this.jdbc.sql("SELECT state_version FROM campaigns WHERE id = ?").param(this.campaign)
			.query(Long.class).single()).isEqualTo(version + 4);
	}

	@Test
	void anOverdueReviewIncidentIsRaisedOncePerTask() {
		UUID task = plan("slot-1");
		Incident overdue = new Incident(this.tenant, this.agent, null, task, null, "review_overdue", "late",
				Map.of("review_id", "r1"), NOW);
		this.ledger.incidents().raiseAll(List.of(overdue));
		this.ledger.incidents().raiseAll(List.of(overdue));
		this.ledger.incidents().raise(Incident.of(ErrorCode.E1003, this.tenant, this.agent, this.campaign, null,
				"x".repeat(3000), null, NOW));
		assertThat(count("incidents", task)).isOne();
		assertThat(this.jdbc.sql("SELECT length(message) FROM incidents WHERE code = 'E1003'").query(Integer.class).single())
			.isEqualTo(Incident.MAX_MESSAGE);
	}

	private Optional<OutboxItem> claimOne(Instant now, Instant leaseUntil) {
		List<OutboxItem> claimed = this.ledger.outbox().claimBatch(now, leaseUntil, 1);
		assertThat(claimed).hasSizeLessThanOrEqualTo(1);
		return claimed.stream().findFirst();
	}

	private UUID plan(String slot) {
		UUID id = UUID.randomUUID();
		assertThat(this.ledger.tasks().planned(planned(id, slot))).isTrue();
		return id;
	}

	private PlannedTask planned(UUID id, String planKey) {
		return new PlannedTask(id, this.campaign, this.agent, this.tenant, TaskType.CONTENT_GENERATION, Priority.MEDIUM,
				new TaskContext("Post about kemis", List.of(), List.of()), 1, 1, null, null, null, planKey, NOW, NOW.plus(Duration.ofHours(1)), NOW);
	}

	private Judgement judgement(UUID task, Judgement.Outcome outcome, ErrorCode code) {
		TaskOutput output = TaskOutput.post("text", "Kemis season is here", null, Platform.TWITTER, null, "offline", true);
		return new Judgement(task, this.tenant, this.agent, this.campaign, outcome, output, new BigDecimal("0.95"), "worker-1",
				NOW.minusSeconds(3), code, "on persona", Map.of("outcome", outcome.name().toLowerCase()),
				outcome == Judgement.Outcome.APPROVED ? post() : null,
				outcome == Judgement.Outcome.HUMAN_REVIEW
						? new Judgement.ReviewItem(Map.of("text", output.text()), "looks like injection", code,
								NOW.plus(Duration.ofHours(4)), List.of())
						: null,
				code == null ? null : Incident.of(code, this.tenant, this.agent, this.campaign, task, "escalated", null, NOW));
	}

	private static Publication post() {
		return new Publication(Publication.POST, Platform.TWITTER, "Kemis season is here", List.of(), null, null, null);
	}

	private String status(UUID task) {
		return this.jdbc.sql("SELECT status FROM tasks WHERE id = ?").param(task).query(String.class).single();
	}

	private List<String> events(UUID task) {
		return this.jdbc.sql("SELECT event FROM task_events WHERE task_id = ? ORDER BY id").param(task).query(String.class).list();
	}

	private int count(String table, UUID task) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE task_id = ?").param(task).query(Integer.class).single();
	}
}
