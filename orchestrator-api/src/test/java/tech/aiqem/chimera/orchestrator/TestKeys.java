package tech.aiqem.chimera.orchestrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test credentials written straight into the database, in the stored format the API must honour
 * (prefix + hex SHA-256 of the whole key): a tenant by name and an API key of a role.
 */
public final class TestKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestKeys() {
	}

	public static UUID tenant(JdbcClient jdbc, String name) {
		jdbc.sql("INSERT INTO tenants (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").param("name", name).update();
		return jdbc.sql("SELECT id FROM tenants WHERE name = :name").param("name", name).query(UUID.class).single();
	}

	/** A new key of the role for the tenant (created if missing); returns the key to send as a bearer token. */
	public static String apiKey(JdbcClient jdbc, String tenant, String role) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = "chm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO api_keys (tenant_id, name, role, prefix, key_hash, created_by)
				VALUES (:tenant, :name, :role, :prefix, :hash, 'test')
				""")
			.param("tenant", tenant(jdbc, tenant))
			.param("name", "test " + role + " " + key.substring(4, 10))
			.param("role", role)
			.param("prefix", key.substring(4, 16))
			.param("hash", sha256(key))
			.update();
		return key;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
