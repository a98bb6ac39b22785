package tech.aiqem.chimera.tools.auth;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.model.ApiKeyFormat;
import tech.aiqem.chimera.model.TenantId;

/**
 * Tenant API keys ({@code chm_…}, issued by the orchestrator) as MCP credentials for external clients:
 * found by prefix, checked by hash in constant time, not revoked. Such a caller may only read
 * ({@link Caller#TENANT_KEY_SCOPES}), and only its own tenant's agents.
 */
final class TenantKeys {

	private static final String FIND = """
			SELECT tenant_id, key_hash FROM api_keys WHERE prefix = ? AND revoked_at IS NULL
			""";

	private final JdbcTemplate jdbc;

	TenantKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The caller this key stands for, or null. */
	Caller authenticate(String key) {
		if (!ApiKeyFormat.wellFormed(key)) {
			return null;
		}
		List<Row> rows = this.jdbc.query(FIND, (rs, n) -> new Row(rs.getObject("tenant_id", UUID.class), rs.getString("key_hash")),
				ApiKeyFormat.prefixOf(key));
		for (Row row : rows) {
			if (ApiKeyFormat.matches(key, row.hash())) {
				return new Caller("api-key:" + ApiKeyFormat.prefixOf(key), Caller.TENANT_KEY_SCOPES, new TenantId(row.tenant()));
			}
		}
		return null;
	}

	private record Row(UUID tenant, String hash) {
	}
}
