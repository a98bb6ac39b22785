package tech.aiqem.chimera.wallet.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Incidents;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;

/** E1005: pause the agent's financial tasks and tell the operator, once per pause. */
final class FinancialPause {

	private static final String PAUSE = """
			UPDATE agents SET financial_paused = TRUE, updated_at = ? WHERE id = ? AND NOT financial_paused
			""";

	private final JdbcTemplate jdbc;

	private final Incidents incidents;

	private final TransactionTemplate transactions;

	FinancialPause(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.incidents = Ledger.on(jdbc.getDataSource()).incidents();
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
	}

	/** True when this call paused the agent (and filed the incident). */
	boolean pause(TenantId tenantId, AgentId agentId, TaskId taskId, String message, Map<String, Object> detail,
			Instant at) {
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			if (this.jdbc.update(PAUSE, Timestamp.from(at), agentId.value()) == 0) {
				return false;
			}
			this.incidents.raise(Incident.of(ErrorCode.E1005, tenantId.value(), agentId.value(), null, taskId.value(),
					message, detail, at));
			return true;
		}));
	}
}
