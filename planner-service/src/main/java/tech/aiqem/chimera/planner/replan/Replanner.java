package tech.aiqem.chimera.planner.replan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.gateway.ModelGateway;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Incidents;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.campaign.CampaignRow;
import tech.aiqem.chimera.planner.campaign.PaymentGoals;
import tech.aiqem.chimera.planner.campaign.PlanPrompt;
import tech.aiqem.chimera.planner.campaign.TaskWriter;
import tech.aiqem.chimera.planner.config.PlannerProperties;

/**
 * Finds tasks the judge invalidated with E1004 whose campaign is active again and that have no
 * replacement yet, and plans a replacement against the campaign's current state. {@code replan_of} is
 * unique, so a task is replaced at most once whatever restarts happen; the model is called outside any
 * transaction and the replacement written in a short one. Reply tasks keep their instruction; content
 * tasks get a fresh plan from the current goals; a payment is planned again only when the current goals
 * still ask for the same payment (recipient, amount, purpose, network) — otherwise it stays failed with
 * E1004 and the operator gets a {@code payment_withdrawn} incident, once.
 */
@Component
public class Replanner {

	private static final Logger log = LoggerFactory.getLogger(Replanner.class);

	private static final String FIND = """
			SELECT t.id AS task_id, t.task_type, t.priority, t.context AS task_context, t.slot,
			       c.*, c.goals->>'text' AS goals_text, a.status AS agent_status, a.persona_source, a.social_accounts
			  FROM tasks t
			  JOIN campaigns c ON c.id = t.campaign_id AND c.status = 'active'
			  JOIN agents a ON a.id = t.agent_id AND a.status = 'active'
			 WHERE t.error_code = 'E1004' AND t.status = 'failed'
			   AND NOT EXISTS (SELECT 1 FROM tasks r WHERE r.replan_of = t.id)
			   AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.task_id = t.id AND i.kind = 'payment_withdrawn')
			 ORDER BY t.completed_at
			 LIMIT 1
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ModelGateway models;

	private final TaskWriter writer;

	private final Incidents incidents;

	private final PlannerProperties properties;

	private final Clock clock;

	Replanner(JdbcClient jdbc, TransactionTemplate transactions, ModelGateway models, TaskWriter writer, Ledger ledger,
			PlannerProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.models = models;
		this.writer = writer;
		this.incidents = ledger.incidents();
		this.properties = properties;
		this.clock = clock;
	}

	/** Replaces (or, for a withdrawn payment, gives up) one invalidated task; true when there was one. */
	public boolean replanInvalidated() {
		Instant now = this.clock.instant();
		Invalidated row = this.jdbc.sql(FIND)
			.query((rs, n) -> new Invalidated(rs.getObject("task_id", UUID.class), TaskType.of(rs.getString("task_type")),
					Priority.of(rs.getString("priority")), ChimeraJson.read(rs.getString("task_context"), TaskContext.class),
					rs.getInt("slot"), CampaignRow.map(rs, n)))
			.optional()
			.orElse(null);
		if (row == null) {
			return false;
		}
		CampaignRow campaign = row.campaign();
		UUID original = row.taskId();
		TaskContext context = row.context();
		if (row.type() == TaskType.EXECUTE_TRANSACTION && !PaymentGoals.stillAsked(campaign.goals(), context.payment())) {
			withdrawn(row, now);
			return true;
		}
		if (row.type() == TaskType.CONTENT_GENERATION) {
			ModelReply reply = this.models.chat(ModelRole.PLANNER, PlanPrompt.of(campaign, row.slot(), 1, List.of()));
			context = PlanPrompt.contextOf(campaign, PlanPrompt.parse(reply.text(), campaign, 1).get(0));
		}
		TaskId replacement = TaskId.random();
		TaskWriter.NewTask task = new TaskWriter.NewTask(replacement, campaign, row.type(), row.priority(), context, null,
				null, original, null, now, now.plus(this.properties.taskDeadline()), now);
		boolean inserted = Boolean.TRUE.equals(this.transactions.execute(status -> {
			boolean written = this.writer.insert(task);
			if (written) {
				this.writer.event(new TaskId(original), "replanned", Map.of("replacement", replacement.toString()), now);
			}
			return written;
		}));
		if (inserted) {
			log.info("Re-planned invalidated task {} as {} against goals revision {}", original, replacement,
					campaign.goalsRevision());
		}
		return inserted;
	}

	private void withdrawn(Invalidated row, Instant now) {
		CampaignRow campaign = row.campaign();
		Payment payment = row.context().payment();
		String what = payment == null ? "a payment" : payment.amountUsdc().toPlainString() + " USDC to " + payment.toAddress();
		this.incidents.raise(new Incident(campaign.tenant().value(), campaign.agent().value(), campaign.id().value(),
				row.taskId(), ErrorCode.E1004, "payment_withdrawn", "Payment of " + what
						+ " not sent: the campaign's goals changed and no longer ask for it (goals revision "
						+ campaign.goalsRevision() + ")",
				payment == null ? Map.of() : Map.of("to_address", payment.toAddress(), "amount_usdc",
						payment.amountUsdc().toPlainString(), "network", payment.network().wire()),
				now));
		log.info("Invalidated payment task {} not re-planned: goals revision {} no longer asks for {}", row.taskId(),
				campaign.goalsRevision(), what);
	}

	private record Invalidated(UUID taskId, TaskType type, Priority priority, TaskContext context, int slot,
			CampaignRow campaign) {
	}
}
