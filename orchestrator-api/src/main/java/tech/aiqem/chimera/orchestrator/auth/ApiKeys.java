package tech.aiqem.chimera.orchestrator.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.model.TenantId;

/** API keys in PostgreSQL: only a lookup prefix and a hash, scoped by tenant. */
@Repository
class ApiKeys {

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, TenantId tenant, String name, Role role, ApiKeyTokens.NewKey key, String createdBy, Instant now) {
		this.jdbc.sql("""
				INSERT INTO api_keys (id, tenant_id, name, role, prefix, key_hash, created_by, created_at)
				VALUES (:id, :tenant, :name, :role, :prefix, :hash, :createdBy, :now)
				""")
			.param("id", id)
			.param("tenant", tenant.value())
			.param("name", name)
			.param("role", role.wire())
			.param("prefix", key.prefix())
			.param("hash", key.hash())
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<KeyView> list(TenantId tenant) {
		return this.jdbc.sql("""
				SELECT id, name, role, prefix, created_by, created_at, last_used_at, revoked_at FROM api_keys
				 WHERE tenant_id = :tenant ORDER BY created_at, id
				""")
			.param("tenant", tenant.value())
			.query(ApiKeys::view)
			.list();
	}

	/** Revokes once; true when the key exists for this tenant (revoked now or before). */
	boolean revoke(TenantId tenant, UUID id, Instant now) {
		this.jdbc.sql("UPDATE api_keys SET revoked_at = :now WHERE tenant_id = :tenant AND id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("tenant", tenant.value())
			.param("id", id)
			.update();
		return this.jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE tenant_id = :tenant AND id = :id")
			.param("tenant", tenant.value())
			.param("id", id)
			.query(Long.class)
			.single() == 1;
	}

	/** The caller a presented key stands for: found by prefix, checked by hash, not revoked. */
	Optional<Caller> authenticate(String key, Instant now) {
		Optional<Stored> stored = this.jdbc.sql("""
				SELECT id, tenant_id, name, role, key_hash, last_used_at FROM api_keys
				 WHERE prefix = :prefix AND revoked_at IS NULL
				""")
			.param("prefix", ApiKeyTokens.prefixOf(key))
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
					rs.getString("name"), Role.of(rs.getString("role")), rs.getString("key_hash"),
					instant(rs.getTimestamp("last_used_at"))))
			.optional()
			.filter(candidate -> ApiKeyTokens.matches(key, candidate.hash()));
		stored.filter(s -> s.lastUsed() == null || s.lastUsed().isBefore(now.minus(1, ChronoUnit.MINUTES)))
			// Recorded at most once a minute: a busy key should not turn every read into a write.
			.ifPresent(s -> this.jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", s.id())
				.update());
		return stored.map(s -> new Caller(Caller.Kind.API_KEY, s.id(), s.tenant(), s.name(), null, s.role()));
	}

	private static KeyView view(ResultSet rs, int row) throws SQLException {
		return new KeyView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("role"),
				ApiKeyTokens.SCHEME + rs.getString("prefix"), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	/** A key as admins list it: its prefix, never the key. */
	record KeyView(UUID id, String name, String role, String prefix, String createdBy, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	private record Stored(UUID id, UUID tenant, String name, Role role, String hash, Instant lastUsed) {
	}
}
