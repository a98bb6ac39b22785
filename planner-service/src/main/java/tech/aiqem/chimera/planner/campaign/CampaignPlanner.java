package tech.aiqem.chimera.planner.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.config.PlannerProperties;

/**
 * Plans each active campaign a horizon ahead: the slots of the campaign's schedule that fall due
 * within {@code plan-ahead} become tasks (one model call for the batch), so a 14-day campaign is
 * planned a day at a time, never pushed all at once. A campaign is claimed in one short statement that
 * leases it (its {@code next_plan_at} moves past the lease), so planner replicas never plan the same
 * campaign together and one whose planner died is planned again after the lease; the model and memory are
 * called outside any transaction, and the tasks and the cursor are written together in one short
 * transaction. Slots are unique per campaign, so nothing is planned twice after a restart.
 */
@Component
public class CampaignPlanner {

	private static final Logger log = LoggerFactory.getLogger(CampaignPlanner.class);

	/** Real time a claimed campaign stays with its planner. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final String CLAIM = """
			WITH due AS (
			  SELECT c.id FROM campaigns c
			   WHERE c.status = 'active' AND c.next_plan_at IS NOT NULL AND c.next_plan_at <= :now
			   ORDER BY c.next_plan_at
			   LIMIT 1
			   FOR NO KEY UPDATE SKIP LOCKED)
			UPDATE campaigns c SET next_plan_at = :leaseUntil
			  FROM due, agents a
			 WHERE c.id = due.id AND a.id = c.agent_id
			RETURNING c.*, c.goals->>'text' AS goals_text, a.status AS agent_status, a.persona_source, a.social_accounts
			""";

	/** Moves the cursor; an edit of the goals while planning asks for another look at once. */
	private static final String RESCHEDULE = """
			UPDATE campaigns SET next_slot = :slot, updated_at = :now,
			       next_plan_at = CASE WHEN goals_revision <> :revision THEN CAST(:now AS timestamptz) ELSE CAST(:next AS timestamptz) END
			 WHERE id = :id
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ModelGateway models;

	private final TaskWriter writer;

	private final PlannerProperties properties;

	private final Clock clock;

	private final FreshTopics freshTopics;

	private final Duration lease;

	CampaignPlanner(JdbcClient jdbc, TransactionTemplate transactions, ModelGateway models, TaskWriter writer,
			PlannerProperties properties, Clock clock, FreshTopics freshTopics) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.models = models;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
		this.freshTopics = freshTopics;
		this.lease = ScaledClock.onClock(clock, LEASE);
	}

	/** Plans one due campaign; true when there was one. */
	public boolean planDueCampaigns() {
		Instant now = this.clock.instant();
		CampaignRow campaign = this.jdbc.sql(CLAIM)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(now.plus(this.lease)))
			.query(CampaignRow::map)
			.optional()
			.orElse(null);
		if (campaign == null) {
			return false;
		}
		plan(campaign, now);
		return true;
	}

	private void plan(CampaignRow campaign, Instant now) {
		if (!"active".equals(campaign.agentStatus()) || campaign.overTotalBudget()) {
			// Nothing is planned for a paused agent or a spent campaign; look again later.
			reschedule(campaign, campaign.nextSlot(), now.plus(this.properties.planAhead().dividedBy(24)), now);
			return;
		}
		List<TaskWriter.NewTask> tasks = new ArrayList<>(payments(campaign, now));
		int total = campaign.schedule().estimatedPosts();
		Instant horizon = now.plus(this.properties.planAhead());
		int first = campaign.nextSlot();
		List<Integer> slots = new ArrayList<>();
		for (int slot = first; slot < total && slots.size() < this.properties.maxSlotsPerStep()
				&& !campaign.schedule().slotTime(slot).isAfter(horizon); slot++) {
			slots.add(slot);
		}
		ModelReply reply = null;
		if (!slots.isEmpty()) {
			// model and memory calls: outside any transaction, no row locked meanwhile
			List<String> recent = recentTopics(campaign);
			reply = this.models.chat(ModelRole.PLANNER, PlanPrompt.of(campaign, first, slots.size(), recent));
			List<PlannedPost> posts = this.freshTopics.keepFresh(campaign, first, slots.size(), recent,
					PlanPrompt.parse(reply.text(), campaign, slots.size()));
			for (int i = 0; i < slots.size(); i++) {
				PlannedPost post = posts.get(i % posts.size());
				int slot = slots.get(i);
				Instant due = campaign.schedule().slotTime(slot);
				TaskContext context = PlanPrompt.contextOf(campaign, post);
				// A slot planned late is due now; its deadline runs from when it is due, never before it was planned.
				Instant scheduled = due.isBefore(now) ? now : due;
				tasks.add(new TaskWriter.NewTask(TaskId.random(), campaign, TaskType.CONTENT_GENERATION, Priority.MEDIUM,
						context, slot, null, null, null, scheduled, scheduled.plus(this.properties.taskDeadline()), now));
			}
		}
		int next = first + slots.size();
		Instant nextPlanAt = null;
		if (next < total) {
			Instant due = campaign.schedule().slotTime(next).minus(this.properties.planAhead());
			nextPlanAt = due.isBefore(now) ? now : due;
		}
		Instant planAt = nextPlanAt;
		Integer planned = this.transactions.execute(status -> {
			int inserted = 0;
			for (TaskWriter.NewTask task : tasks) {
				if (this.writer.insert(task)) {
					inserted++;
				}
			}
			reschedule(campaign, next, planAt, now);
			return inserted;
		});
		if (reply != null) {
			log.info("Planned {} task(s) for campaign {} (slots {}..{} of {}, {} {})", planned, campaign.id(), first,
					next - 1, total, reply.provider(), reply.model());
		}
	}

	/** The payments the goals spell out; each is planned once (its plan key), however often this runs. */
	private List<TaskWriter.NewTask> payments(CampaignRow campaign, Instant now) {
		List<TaskWriter.NewTask> tasks = new ArrayList<>();
		for (Payment payment : PaymentGoals.in(campaign.goals())) {
			TaskContext context = new TaskContext("Pay " + payment.amountUsdc().toPlainString() + " USDC to "
					+ payment.toAddress() + " for " + payment.purpose() + ", as the campaign goals instruct",
					campaign.persona().constraints(), List.of(), null, null, null, null, payment);
			tasks.add(new TaskWriter.NewTask(TaskId.random(), campaign, TaskType.EXECUTE_TRANSACTION, Priority.HIGH,
					context, null, null, null, PaymentGoals.key(payment), now, now.plus(this.properties.taskDeadline()), now));
		}
		return tasks;
	}

	private List<String> recentTopics(CampaignRow campaign) {
		return this.jdbc.sql("""
				SELECT context->>'topic' FROM tasks
				 WHERE agent_id = :agent AND context->>'topic' IS NOT NULL
				 ORDER BY created_at DESC LIMIT 20
				""")
			.param("agent", campaign.agent().value())
			.query(String.class)
			.list();
	}

	private void reschedule(CampaignRow campaign, int nextSlot, Instant nextPlanAt, Instant now) {
		this.jdbc.sql(RESCHEDULE)
			.param("slot", nextSlot)
			.param("next", nextPlanAt == null ? null : Timestamp.from(nextPlanAt))
			.param("revision", campaign.goalsRevision())
			.param("now", Timestamp.from(now))
			.param("id", campaign.id().value())
			.update();
	}
}
