package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Incidents;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ErrorCode;

/** The PostgreSQL side of the spend guard: budgets, the durable ledger, and the pause on refusal. */
final class BudgetStore {

	private static final String LIMITS = """
			SELECT a.tenant_id, a.budget_daily_usd, a.budget_total_usd,
			       c.id AS campaign_id, c.agent_id AS campaign_agent, c.budget_daily_usd AS campaign_daily,
			       c.budget_total_usd AS campaign_total
			FROM agents a LEFT JOIN campaigns c ON c.id = ?
			WHERE a.id = ?
			""";

	private static final String HAS_REF = "SELECT EXISTS (SELECT 1 FROM spend_ledger WHERE ref = ?)";

	// One statement, so the ledger row and the campaign's running total cannot disagree.
	private static final String RECORD = """
			WITH inserted AS (
			  INSERT INTO spend_ledger (tenant_id, agent_id, campaign_id, task_id, kind, amount_usd, day, at, ref)
			  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			  ON CONFLICT (ref) DO NOTHING
			  RETURNING campaign_id, amount_usd),
			bumped AS (
			  UPDATE campaigns c SET spent_usd = c.spent_usd + i.amount_usd
			  FROM inserted i WHERE c.id = i.campaign_id RETURNING c.id)
			SELECT count(*) FROM inserted
			""";

	private static final String DELETE = """
			WITH deleted AS (
			  DELETE FROM spend_ledger WHERE ref = ?
			  RETURNING agent_id, campaign_id, amount_usd, day),
			lowered AS (
			  UPDATE campaigns c SET spent_usd = GREATEST(c.spent_usd - d.amount_usd, 0)
			  FROM deleted d WHERE c.id = d.campaign_id RETURNING c.id)
			SELECT agent_id, campaign_id, amount_usd, day FROM deleted
			""";

	// Pausing bumps state_version: results planned against the running campaign must not be committed.
	private static final String PAUSE_CAMPAIGN = """
			UPDATE campaigns SET status = 'paused', status_reason = ?, updated_at = ?, state_version = state_version + 1
			 WHERE id = ? AND status = 'active'
			""";

	private final JdbcTemplate jdbc;

	private final Incidents incidents;

	private final TransactionTemplate transactions;

	private final BigDecimal defaultDailyUsd;

	BudgetStore(JdbcTemplate jdbc, Incidents incidents, BigDecimal defaultDailyUsd) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
		this.defaultDailyUsd = defaultDailyUsd;
	}

	BudgetLimits limits(Spend spend) {
		UUID campaign = spend.campaignId() == null ? null : spend.campaignId().value();
		List<BudgetLimits> found = this.jdbc.query(LIMITS, (rs, row) -> {
			if (!spend.tenantId().value().equals(rs.getObject("tenant_id", UUID.class))) {
				throw new IllegalArgumentException("agent " + spend.agentId() + " does not belong to tenant "
						+ spend.tenantId());
			}
			if (campaign != null && !spend.agentId().value().equals(rs.getObject("campaign_agent", UUID.class))) {
				throw new IllegalArgumentException("campaign " + spend.campaignId() + " is not a campaign of agent "
						+ spend.agentId());
			}
			BigDecimal daily = rs.getBigDecimal("budget_daily_usd");
			return new BudgetLimits(daily != null ? daily : this.defaultDailyUsd, rs.getBigDecimal("budget_total_usd"),
					rs.getBigDecimal("campaign_daily"), rs.getBigDecimal("campaign_total"));
		}, campaign, spend.agentId().value());
		if (found.isEmpty()) {
			throw new IllegalArgumentException("unknown agent " + spend.agentId());
		}
		return found.get(0);
	}

	boolean recorded(String ref) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(HAS_REF, Boolean.class, ref));
	}

	/** True when this call wrote the ledger row, false when the ref was already there. */
	boolean record(Spend spend, LocalDate day, Instant at) {
		Long inserted = this.jdbc.queryForObject(RECORD, Long.class, spend.tenantId().value(), spend.agentId().value(),
				spend.campaignId() == null ? null : spend.campaignId().value(),
				spend.taskId() == null ? null : spend.taskId().value(), spend.kind().wire(), spend.amountUsd(), day,
				Timestamp.from(at), spend.ref());
		return inserted != null && inserted > 0;
	}

	/** Removes a spend from the ledger; what it was, or null when the ref was not there. */
	Released delete(String ref) {
		List<Released> rows = this.jdbc.query(DELETE,
				(rs, row) -> new Released(new AgentId(rs.getObject("agent_id", UUID.class)),
						rs.getObject("campaign_id") == null ? null
								: new CampaignId(rs.getObject("campaign_id", UUID.class)),
						rs.getBigDecimal("amount_usd"), rs.getObject("day", LocalDate.class)),
				ref);
		return rows.isEmpty() ? null : rows.get(0);
	}

	record Released(AgentId agentId, CampaignId campaignId, BigDecimal amountUsd, LocalDate day) {
	}

	long agentDayMicros(AgentId agent, LocalDate day) {
		return sum("agent_id = ? AND day = ?", agent.value(), day);
	}

	long agentTotalMicros(AgentId agent) {
		return sum("agent_id = ?", agent.value());
	}

	long campaignDayMicros(CampaignId campaign, LocalDate day) {
		return sum("campaign_id = ? AND day = ?", campaign.value(), day);
	}

	long campaignTotalMicros(CampaignId campaign) {
		return sum("campaign_id = ?", campaign.value());
	}

	private long sum(String where, Object... args) {
		BigDecimal total = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(amount_usd), 0) FROM spend_ledger WHERE " + where, BigDecimal.class, args);
		return Micros.of(total);
	}

	/**
	 * Pauses the spend's campaign and files an E1001 incident; without a campaign, only the incident. A
	 * campaign already paused gets no second incident. True when something was filed.
	 */
	boolean pauseAndNotify(Spend spend, String reason, Map<String, Object> detail, Instant at) {
		UUID task = spend.taskId() == null ? null : spend.taskId().value();
		UUID campaign = spend.campaignId() == null ? null : spend.campaignId().value();
		Incident incident = Incident.of(ErrorCode.E1001, spend.tenantId().value(), spend.agentId().value(), campaign, task,
				reason, detail, at);
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			if (campaign != null && this.jdbc.update(PAUSE_CAMPAIGN, reason, Timestamp.from(at), campaign) == 0) {
				return false;
			}
			this.incidents.raise(incident);
			return true;
		}));
	}
}
