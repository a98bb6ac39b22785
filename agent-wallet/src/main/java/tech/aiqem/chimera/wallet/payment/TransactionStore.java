package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.PaymentRecord;

/** The {@code transactions} table, and the rows a payment is checked against. */
final class TransactionStore {

	private static final String COLUMNS = """
			task_id, agent_id, transaction_hash, from_address, to_address, amount_usdc, network, status, purpose,
			created_at, confirmed_at, block_number, error_message, signed_transaction
			""";

	private static final String BY_TASK = "SELECT " + COLUMNS + " FROM transactions WHERE task_id = ?";

	private static final String PENDING = "SELECT " + COLUMNS
			+ " FROM transactions WHERE status = 'pending' ORDER BY created_at LIMIT ?";

	private static final String TASK = "SELECT tenant_id, agent_id, campaign_id FROM tasks WHERE id = ?";

	private static final String AGENT = "SELECT tenant_id, financial_paused FROM agents WHERE id = ?";

	private static final String PENDING_OUT = """
			SELECT COALESCE(SUM(amount_usdc), 0) FROM transactions
			WHERE lower(from_address) = lower(?) AND network = ? AND status = 'pending'
			""";

	private static final String MAX_PENDING_NONCE = """
			SELECT MAX(nonce) FROM transactions
			WHERE lower(from_address) = lower(?) AND chain_id = ? AND status = 'pending'
			""";

	private static final String INSERT = """
			INSERT INTO transactions (agent_id, tenant_id, task_id, transaction_hash, from_address, to_address,
			                          amount_usdc, network, status, purpose, created_at, chain_id, nonce,
			                          signed_transaction)
			SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?
			WHERE EXISTS (SELECT 1 FROM agents WHERE id = ? AND status = 'active')
			ON CONFLICT DO NOTHING
			""";

	private static final String CONFIRM = """
			UPDATE transactions SET status = 'confirmed', confirmed_at = ?, block_number = ?
			WHERE transaction_hash = ? AND status = 'pending'
			""";

	private static final String FAIL = """
			UPDATE transactions SET status = 'failed', error_message = ?, block_number = ?
			WHERE transaction_hash = ? AND status = 'pending'
			""";

	private final JdbcTemplate jdbc;

	TransactionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Row(PaymentRecord record, String signedTransaction) {
	}

	record TaskRef(TenantId tenantId, AgentId agentId, CampaignId campaignId) {
	}

	record AgentState(TenantId tenantId, boolean financialPaused) {
	}

	Optional<PaymentRecord> byTask(TaskId taskId) {
		return this.jdbc.query(BY_TASK, TransactionStore::row, taskId.value()).stream().findFirst().map(Row::record);
	}

	List<Row> pending(int limit) {
		return this.jdbc.query(PENDING, TransactionStore::row, limit);
	}

	Optional<TaskRef> task(TaskId taskId) {
		return this.jdbc.query(TASK, (rs, n) -> new TaskRef(new TenantId(rs.getObject("tenant_id", UUID.class)),
				new AgentId(rs.getObject("agent_id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class))), taskId.value()).stream().findFirst();
	}

	Optional<AgentState> agent(AgentId agentId) {
		return this.jdbc.query(AGENT, (rs, n) -> new AgentState(new TenantId(rs.getObject("tenant_id", UUID.class)),
				rs.getBoolean("financial_paused")), agentId.value()).stream().findFirst();
	}

	BigDecimal pendingOutgoing(String fromAddress, Network network) {
		return this.jdbc.queryForObject(PENDING_OUT, BigDecimal.class, fromAddress, network.wire());
	}

	/** The highest nonce among this wallet's pending transactions on a chain, or null. */
	Long maxPendingNonce(String fromAddress, long chainId) {
		return this.jdbc.queryForObject(MAX_PENDING_NONCE, Long.class, fromAddress, chainId);
	}

	/**
	 * Records a payment about to be broadcast, in the same statement that checks its agent is still
	 * active: a pause that committed before it leaves nothing recorded. False when nothing was recorded
	 * (a concurrent attempt recorded the task first, or the agent is not active).
	 */
	boolean insertPending(PaymentRecord record, TenantId tenantId, long chainId, long nonce, String signed) {
		return this.jdbc.update(INSERT, record.agentId().value(), tenantId.value(), record.taskId().value(),
				record.transactionHash(), record.fromAddress(), record.toAddress(), record.amountUsdc(),
				record.network().wire(), record.purpose(), Timestamp.from(record.createdAt()), chainId, nonce,
				signed, record.agentId().value()) > 0;
	}

	boolean confirm(String hash, long blockNumber, Instant at) {
		return this.jdbc.update(CONFIRM, Timestamp.from(at), blockNumber, hash) > 0;
	}

	boolean fail(String hash, String error, Long blockNumber) {
		return this.jdbc.update(FAIL, error, blockNumber, hash) > 0;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		Long block = rs.getObject("block_number", Long.class);
		PaymentRecord record = new PaymentRecord(new TaskId(rs.getObject("task_id", UUID.class)),
				new AgentId(rs.getObject("agent_id", UUID.class)), rs.getString("transaction_hash"),
				rs.getString("from_address"), rs.getString("to_address"), rs.getBigDecimal("amount_usdc"),
				Network.of(rs.getString("network")), PaymentRecord.Status.of(rs.getString("status")),
				rs.getString("purpose"), rs.getTimestamp("created_at").toInstant(),
				confirmed == null ? null : confirmed.toInstant(), block,
				rs.getString("error_message"));
		return new Row(record, rs.getString("signed_transaction"));
	}
}
