package tech.aiqem.chimera.tools.post;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.tools.pacing.PacingPolicy;
import tech.aiqem.chimera.tools.platform.AccountRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slot reservations on a real PostgreSQL with a pool of two connections: calls for a busy account queue in the
 * process, not in PostgreSQL, so a call for another account still gets a connection.
 */
class PostClaimsIntegrationTests {

	private static final PacingPolicy POLICY = new PacingPolicy(1000, 10000, Duration.ofSeconds(30), Duration.ZERO);

	private HikariDataSource dataSource;

	private PostClaims claims;

	private UUID tenant;

	private UUID agent;

	@BeforeEach
	void database() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestServices.freshPostgresDatabase());
		config.setMaximumPoolSize(2);
		config.setConnectionTimeout(2000);
		this.dataSource = new HikariDataSource(config);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migrations").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		this.claims = new PostClaims(jdbc, new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)));
		this.tenant = UUID.randomUUID();
		this.agent = UUID.randomUUID();
		jdbc.update("INSERT INTO tenants (id, name) VALUES (?, 'acme')", this.tenant);
		jdbc.update("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', '# Selam', '{}'::jsonb, 'active')
				""", this.agent, this.tenant);
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	private AccountRef account(String username) {
		return new AccountRef(new AgentId(this.agent), new TenantId(this.tenant), Platform.TWITTER, username, null);
	}

	private PostClaims.NewClaim claim(AccountRef account, String text) {
		return new PostClaims.NewClaim(UUID.randomUUID().toString(), account, "sandbox", sha256(text), text, List.of(),
				DisclosureLevel.AUTOMATED, null);
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int waitingOnAdvisoryLocks() {
		return new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = "
						+ "(SELECT oid FROM pg_database WHERE datname = current_database())",
				Integer.class);
	}

	@Test
	void callsForABusyAccountWaitWithoutHoldingConnectionsThatOtherAccountsNeed() throws Exception {
		AccountRef busy = account("selam");
		AccountRef other = account("selam_eats");
		assertThat(PostClaims.stripe(other.key())).as("accounts on different stripes").isNotEqualTo(PostClaims.stripe(busy.key()));
		Instant now = Instant.parse("2026-03-01T09:00:00Z");
		ExecutorService calls = Executors.newFixedThreadPool(6);
		// Another replica holds the busy account's lock (a session-level advisory lock outside the pool).
		try (Connection replica = java.sql.DriverManager.getConnection(this.dataSource.getJdbcUrl());
				Statement statement = replica.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(hashtextextended('" + busy.key() + "', 7))");
			List<Future<PostClaim>> queued = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String text = "Kemis drop number " + i;
				queued.add(calls.submit(() -> this.claims.reserve(claim(busy, text), POLICY, now, null)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnAdvisoryLocks() == 1);
			Thread.sleep(300);
			assertThat(waitingOnAdvisoryLocks()).as("one call of this process waits in PostgreSQL, the others in the process")
				.isEqualTo(1);

			PostClaim elsewhere = calls.submit(() -> this.claims.reserve(claim(other, "Lunch at Selam's"), POLICY, now, null))
				.get(10, TimeUnit.SECONDS);

			assertThat(elsewhere.slotAt()).isEqualTo(now);
			statement.execute("SELECT pg_advisory_unlock_all()");
			List<Instant> slots = new ArrayList<>();
			for (Future<PostClaim> call : queued) {
				slots.add(call.get(10, TimeUnit.SECONDS).slotAt());
			}
			assertThat(slots).as("each its own slot, 30 s apart").doesNotHaveDuplicates();
			assertThat(slots.stream().sorted().toList()).containsExactly(now, now.plusSeconds(30), now.plusSeconds(60),
					now.plusSeconds(90), now.plusSeconds(120));
		}
		finally {
			calls.shutdownNow();
		}
	}
}
