package tech.aiqem.chimera.wallet.policy;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;

/** Gathers a payment's facts from PostgreSQL and asks the {@link PaymentPolicy}; what the judge calls. */
public final class PaymentReview {

	private static final String AGENT = """
			SELECT a.tenant_id, a.financial_paused, w.address
			FROM agents a LEFT JOIN agent_wallets w ON w.agent_id = a.id
			WHERE a.id = ?
			""";

	private static final String ALLOW_LISTED = """
			SELECT EXISTS (SELECT 1 FROM payment_allowlist WHERE agent_id = ? AND address = ?)
			""";

	// Agents' wallets as this module made them, and as the orchestrator recorded them on the agent.
	private static final String TENANT_AGENT = """
			SELECT EXISTS (
			  SELECT 1 FROM agent_wallets WHERE tenant_id = ? AND lower(address) = ?
			  UNION ALL
			  SELECT 1 FROM agents WHERE tenant_id = ? AND lower(wallet_address) = ? AND status <> 'deleted')
			""";

	private final JdbcTemplate jdbc;

	private final PaymentPolicy policy;

	private final EvmNetworks networks;

	public PaymentReview(JdbcTemplate jdbc, PaymentPolicy policy, EvmNetworks networks) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.networks = networks;
	}

	private record Agent(UUID tenantId, boolean financialPaused, String address) {
	}

	/** @throws IllegalArgumentException when the agent is unknown or not the tenant's */
	public PaymentDecision review(TenantId tenantId, AgentId agentId, Payment payment) {
		List<Agent> found = this.jdbc.query(AGENT, (rs, n) -> new Agent(rs.getObject("tenant_id", UUID.class),
				rs.getBoolean("financial_paused"), rs.getString("address")), agentId.value());
		if (found.isEmpty() || !found.get(0).tenantId().equals(tenantId.value())) {
			throw new IllegalArgumentException("agent " + agentId + " is not an agent of tenant " + tenantId);
		}
		Agent agent = found.get(0);
		String recipient = JdbcPaymentAllowList.normalize(payment.toAddress());
		boolean allowListed = Boolean.TRUE
			.equals(this.jdbc.queryForObject(ALLOW_LISTED, Boolean.class, agentId.value(), recipient));
		boolean tenantAgent = Boolean.TRUE.equals(this.jdbc.queryForObject(TENANT_AGENT, Boolean.class,
				tenantId.value(), recipient, tenantId.value(), recipient));
		return this.policy.decide(new PaymentFacts(payment, agent.address(), agent.financialPaused(),
				this.networks.configured(payment.network()), allowListed, tenantAgent));
	}
}
