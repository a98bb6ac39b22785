package tech.aiqem.chimera.wallet.policy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.PaymentAllowList;

/** The allow-list in {@code payment_allowlist}, addresses lower-case. */
public final class JdbcPaymentAllowList implements PaymentAllowList {

	private static final String ALLOW = """
			INSERT INTO payment_allowlist (agent_id, tenant_id, address, label)
			SELECT id, tenant_id, ?, ? FROM agents WHERE id = ? AND tenant_id = ?
			ON CONFLICT (agent_id, address) DO UPDATE SET label = EXCLUDED.label
			""";

	private final JdbcTemplate jdbc;

	public JdbcPaymentAllowList(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void allow(TenantId tenantId, AgentId agentId, String address, String label) {
		if (this.jdbc.update(ALLOW, normalize(address), label, agentId.value(), tenantId.value()) == 0) {
			throw new IllegalArgumentException("agent " + agentId + " is not an agent of tenant " + tenantId);
		}
	}

	@Override
	public boolean revoke(AgentId agentId, String address) {
		return this.jdbc.update("DELETE FROM payment_allowlist WHERE agent_id = ? AND address = ?", agentId.value(),
				normalize(address)) > 0;
	}

	@Override
	public Set<String> allowed(AgentId agentId) {
		return new LinkedHashSet<>(this.jdbc.queryForList(
				"SELECT address FROM payment_allowlist WHERE agent_id = ? ORDER BY created_at", String.class,
				agentId.value()));
	}

	static String normalize(String address) {
		if (address == null || !Payment.ADDRESS.matcher(address).matches()) {
			throw new IllegalArgumentException("'" + address + "' is not an address (0x and 40 hex digits)");
		}
		return address.toLowerCase(Locale.ROOT);
	}
}
