package tech.aiqem.chimera.orchestrator.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tech.aiqem.chimera.model.Role;
import tech.aiqem.chimera.model.TenantId;

/** Dashboard users in PostgreSQL; e-mail addresses are unique regardless of case (V5). */
@Repository
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	boolean emailTaken(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, UUID tenant, String email, String displayName, String passwordHash, Role role, Instant now) {
		this.jdbc.sql("""
				INSERT INTO users (id, tenant_id, email, display_name, password_hash, role, created_at)
				VALUES (:id, :tenant, :email, :displayName, :hash, :role, :now)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("email", email)
			.param("displayName", displayName)
			.param("hash", passwordHash)
			.param("role", role.wire())
			.param("now", Timestamp.from(now))
			.update();
	}

	List<UserView> list(TenantId tenant) {
		return this.jdbc.sql("""
				SELECT id, tenant_id, email, display_name, role, created_at, disabled_at FROM users
				 WHERE tenant_id = :tenant ORDER BY created_at, email
				""")
			.param("tenant", tenant.value())
			.query(Users::view)
			.list();
	}

	/** The user behind a log-in, with the password hash to check; only enabled users can log in. */
	Optional<Login> forLogin(String email) {
		return this.jdbc.sql("""
				SELECT id, tenant_id, email, display_name, role, password_hash FROM users
				 WHERE lower(email) = lower(:email) AND disabled_at IS NULL AND password_hash IS NOT NULL
				""")
			.param("email", email)
			.query((rs, row) -> new Login(new Caller(Caller.Kind.USER, rs.getObject("id", UUID.class),
					rs.getObject("tenant_id", UUID.class), rs.getString("email"), rs.getString("display_name"),
					Role.of(rs.getString("role"))), rs.getString("password_hash")))
			.optional();
	}

	void updatePasswordHash(UUID id, String hash) {
		this.jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
	}

	/** The tenant with this name, created if missing. */
	UUID tenant(String name) {
		this.jdbc.sql("INSERT INTO tenants (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").param("name", name).update();
		return this.jdbc.sql("SELECT id FROM tenants WHERE name = :name").param("name", name).query(UUID.class).single();
	}

	static UserView view(ResultSet rs, int row) throws SQLException {
		Timestamp disabled = rs.getTimestamp("disabled_at");
		return new UserView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("role"), rs.getObject("tenant_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				disabled == null ? null : disabled.toInstant());
	}

	/** A dashboard user as admins see it (a new one has disabled_at null). */
	record UserView(UUID id, String email, String displayName, String role, UUID tenantId, Instant createdAt,
			Instant disabledAt) {
	}

	/** A user and their stored hash; the hash never leaves this package. */
	record Login(Caller caller, String passwordHash) {

		@Override
		public String toString() {
			return "Login[" + this.caller + "]";
		}
	}
}
