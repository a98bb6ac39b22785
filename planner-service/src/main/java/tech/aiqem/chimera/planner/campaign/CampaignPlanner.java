package tech.aiqem.chimera.planner.campaign;

import java.sql.Timestamp;
import java.time.Clock;
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
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.config.PlannerProperties;

/**
 * Plans each active campaign a horizon ahead: the slots of the campaign's schedule that fall due
 * within {@code plan-ahead} become tasks (one model call for the batch), so a 14-day campaign is
 * planned a day at a time, never pushed all at once. A campaign is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so planner replicas never plan the same campaign together, and slots
 * are unique per campaign, so nothing is planned twice after a restart.
 */
@Component
public class CampaignPlanner {

	private static final Logger log = LoggerFactory.getLogger(CampaignPlanner.class);

	private static final String CLAIM = """
			SELECT c.*, c.goals->>'text' AS goals_text, a.status AS agent_status, a.persona_source, a.social_accounts
			  FROM campaigns c JOIN agents a ON a.id = c.agent_id
			 WHERE c.status = 'active' AND c.next_plan_at IS NOT NULL AND c.next_plan_at <= :now
			 ORDER BY c.next_plan_at
			 LIMIT 1
			 FOR NO KEY UPDATE OF c SKIP LOCKED
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ModelGateway models;

	private final TaskWriter writer;

	private final PlannerProperties properties;

	private final Clock clock;

	private final FreshTopics freshTopics;

	CampaignPlanner(JdbcClient jdbc, TransactionTemplate transactions, ModelGateway models, TaskWriter writer,
			PlannerProperties properties, Clock clock, FreshTopics freshTopics) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.models = models;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
		this.freshTopics = freshTopics;
	}

	/** Plans one due campaign; true when there was one. */
	public boolean planDueCampaigns() {
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			CampaignRow campaign = this.jdbc.sql(CLAIM).param("now", Timestamp.from(now)).query(CampaignRow::map).optional().orElse(null);
			if (campaign == null) {
				return false;
			}
			plan(campaign, now);
			return true;
		}));
	}

	private void plan(CampaignRow campaign, Instant now) {
		if (!"active".equals(campaign.agentStatus()) || campaign.overTotalBudget()) {
			// Nothing is planned for a paused agent or a spent campaign; look again later.
			reschedule(campaign, campaign.nextSlot(), now.plus(this.properties.planAhead().dividedBy(24)), now);
			return;
		}
		planPayments(campaign, now);
		int total = campaign.schedule().estimatedPosts();
		Instant horizon = now.plus(this.properties.planAhead());
		int first = campaign.nextSlot();
		List<Integer> slots = new ArrayList<>();
		for (int slot = first; slot < total && slots.size() < this.properties.maxSlotsPerStep()
				&& !campaign.schedule().slotTime(slot).isAfter(horizon); slot++) {
			slots.add(slot);
		}
		if (!slots.isEmpty()) {
			List<String> recent = recentTopics(campaign);
			ModelReply reply = this.models.chat(ModelRole.PLANNER, PlanPrompt.of(campaign, first, slots.size(), recent));
			List<PlannedPost> posts = this.freshTopics.keepFresh(campaign, first, slots.size(), recent,
					PlanPrompt.parse(reply.text(), campaign, slots.size()));
			int planned = 0;
			for (int i = 0; i < slots.size(); i++) {
				PlannedPost post = posts.get(i % posts.size());
				int slot = slots.get(i);
				Instant due = campaign.schedule().slotTime(slot);
				TaskContext context = PlanPrompt.contextOf(campaign, post);
				// A slot planned late is due now; its deadline runs from when it is due, never before it was planned.
				Instant scheduled = due.isBefore(now) ? now : due;
				if (this.writer.insert(new TaskWriter.NewTask(TaskId.random(), campaign, TaskType.CONTENT_GENERATION,
						Priority.MEDIUM, context, slot, null, null, null, scheduled,
						scheduled.plus(this.properties.taskDeadline()), now))) {
					planned++;
				}
			}
			log.info("Planned {} task(s) for campaign {} (slots {}..{} of {}, {} {})", planned, campaign.id(), first,
					first + slots.size() - 1, total, reply.provider(), reply.model());
		}
		int next = first + slots.size();
		Instant nextPlanAt = null;
		if (next < total) {
			Instant due = campaign.schedule().slotTime(next).minus(this.properties.planAhead());
			nextPlanAt = due.isBefore(now) ? now : due;
		}
		reschedule(campaign, next, nextPlanAt, now);
	}

	private void planPayments(CampaignRow campaign, Instant now) {
		for (Payment payment : PaymentGoals.in(campaign.goals())) {
			TaskContext context = new TaskContext("Pay " + payment.amountUsdc().toPlainString() + " USDC to "
					+ payment.toAddress() + " for " + payment.purpose() + ", as the campaign goals instruct",
					campaign.persona().constraints(), List.of(), null, null, null, null, payment);
			this.writer.insert(new TaskWriter.NewTask(TaskId.random(), campaign, TaskType.EXECUTE_TRANSACTION, Priority.HIGH,
					context, null, null, null, PaymentGoals.key(payment), now, now.plus(this.properties.taskDeadline()), now));
		}
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
		this.jdbc.sql("UPDATE campaigns SET next_slot = :slot, next_plan_at = :next, updated_at = :now WHERE id = :id")
			.param("slot", nextSlot)
			.param("next", nextPlanAt == null ? null : Timestamp.from(nextPlanAt))
			.param("now", Timestamp.from(now))
			.param("id", campaign.id().value())
			.update();
	}

}
