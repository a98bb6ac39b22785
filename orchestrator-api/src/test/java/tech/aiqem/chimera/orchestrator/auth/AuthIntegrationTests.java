package tech.aiqem.chimera.orchestrator.auth;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.orchestrator.OrchestratorApplication;
import tech.aiqem.chimera.orchestrator.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth contract over HTTP: API keys (create, use, list without key material, revoke), roles, the
 * dashboard's log-in with its session and CSRF cookies, the bootstrap administrator and the public
 * endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chimera.orchestrator.auth.admin-email=root@chimera.test",
		"chimera.orchestrator.auth.admin-password=correct horse battery staple" })
class AuthIntegrationTests {

	static final String ADMIN = "root@chimera.test";

	static final String ADMIN_PASSWORD = "correct horse battery staple";

	static final String SOUL = """
			# Auth Agent
			## Voice
			- Calm
			## Topics
			- fashion
			""";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	static Map<String, Object> agent(String name) {
		return Map.of("name", name, "persona_file",
				Base64.getEncoder().encodeToString(SOUL.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void everyApiCallNeedsACredential() {
		Browser anonymous = new Browser(this.port);
		for (String path : new String[] { "/v1/agents", "/v1/campaigns", "/v1/tasks", "/v1/hitl/queue", "/v1/pipeline",
				"/v1/api-keys", "/v1/users", "/v1/auth/me" }) {
			Browser.Reply reply = anonymous.get(path);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
			assertThat(reply.code()).as(path).isEqualTo("unauthorized");
		}
		Browser.Reply post = anonymous.send("POST", "/v1/agents", agent("Nobody"));
		assertThat(post.status()).isEqualTo(401);
		assertThat(post.code()).isEqualTo("unauthorized");

		Browser.Reply wrongKey = Browser.withKey(this.port, "chm_" + "A".repeat(43)).get("/v1/agents");
		assertThat(wrongKey.status()).isEqualTo(401);
		assertThat(wrongKey.json().get("detail").asString()).isEqualTo("the API key is invalid or revoked");
		assertThat(Browser.withKey(this.port, "not-a-key").get("/v1/agents").status()).isEqualTo(401);
	}

	@Test
	void publicEndpointsStayOpenAndTenantFree() {
		Browser anonymous = new Browser(this.port);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/env").status()).isIn(401, 404);
	}

	@Test
	void adminsIssueListAndRevokeApiKeys() {
		Browser admin = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "keys-tenant", "admin"));
		Browser.Reply created = admin.send("POST", "/v1/api-keys", Map.of("name", "ci pipeline", "role", "operator"));
		assertThat(created.status()).isEqualTo(201);
		String key = created.json().get("key").asString();
		assertThat(key).startsWith("chm_").hasSize(47);
		assertThat(created.json().get("role").asString()).isEqualTo("operator");
		assertThat(created.json().get("created_at").asString()).endsWith("Z");
		String id = created.json().get("id").asString();
		String stored = this.jdbc.sql("SELECT prefix || ' ' || key_hash FROM api_keys WHERE id = CAST(:id AS uuid)")
			.param("id", id).query(String.class).single();
		assertThat(stored).doesNotContain(key.substring(16));

		Browser machine = Browser.withKey(this.port, key);
		assertThat(machine.send("POST", "/v1/agents", agent("Keyed Agent")).status()).isEqualTo(201);
		assertThat(machine.get("/v1/api-keys").status()).as("operators do not manage keys").isEqualTo(403);

		Browser.Reply listed = admin.get("/v1/api-keys");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.text()).doesNotContain(key).doesNotContain("key_hash").contains("ci pipeline");
		assertThat(listed.json().get("items").get(1).get("last_used_at").isNull()).isFalse();

		assertThat(admin.send("DELETE", "/v1/api-keys/" + id, null).status()).isEqualTo(204);
		Browser.Reply revoked = machine.get("/v1/agents");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.code()).isEqualTo("unauthorized");
		assertThat(admin.send("DELETE", "/v1/api-keys/550e8400-e29b-41d4-a716-446655440000", null).status()).isEqualTo(404);

		Browser.Reply badRole = admin.send("POST", "/v1/api-keys", Map.of("name", "x", "role", "root"));
		assertThat(badRole.status()).isEqualTo(422);
		assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
	}

	@Test
	void rolesDecideWhatACallerMayDo() {
		Browser reviewer = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "roles-tenant", "reviewer"));
		Browser.Reply forbidden = reviewer.send("POST", "/v1/agents", agent("Not Allowed"));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		assertThat(forbidden.code()).isEqualTo("forbidden");
		assertThat(forbidden.json().get("detail").asString()).isEqualTo("role 'reviewer' may not POST /v1/agents");
		assertThat(reviewer.get("/v1/agents").status()).isEqualTo(200);
		assertThat(reviewer.get("/v1/hitl/queue").status()).isEqualTo(200);
		assertThat(reviewer.get("/v1/users").status()).isEqualTo(403);
		assertThat(reviewer.send("POST", "/v1/hitl/550e8400-e29b-41d4-a716-446655440000/decision",
				Map.of("decision", "approved")).status()).as("reviewers decide HITL items").isEqualTo(404);

		Browser operator = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "roles-tenant", "operator"));
		Browser.Reply agent = operator.send("POST", "/v1/agents", agent("Allowed"));
		assertThat(agent.status()).isEqualTo(201);
		String agentId = agent.json().get("agent_id").asString();
		assertThat(reviewer.send("POST", "/v1/agents/" + agentId + "/pause", null).status()).isEqualTo(403);
		assertThat(operator.send("POST", "/v1/users", Map.of("email", "x@y.z", "password", "long enough password",
				"role", "admin")).status()).isEqualTo(403);
	}

	@Test
	void dashboardLogsInWithSessionAndCsrfCookies() {
		Browser browser = new Browser(this.port);
		Browser.Reply anonymous = browser.get("/v1/auth/me");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(browser.cookie("XSRF-TOKEN")).as("the first response hands out the CSRF cookie").isNotBlank();
		assertThat(anonymous.header("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
			.contains("SameSite=Strict").doesNotContain("HttpOnly"));

		Browser.Reply noToken = browser.send("POST", "/v1/auth/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD));
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.code()).isEqualTo("csrf_failed");

		Browser.Reply wrong = browser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", ADMIN, "password", "wrong password!"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("detail").asString()).isEqualTo("wrong e-mail or password");
		assertThat(browser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "nobody@x.y", "password", ADMIN_PASSWORD))
			.status()).isEqualTo(401);

		String tokenBefore = browser.cookie("XSRF-TOKEN");
		Browser.Reply login = browser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "Root@Chimera.test", "password", ADMIN_PASSWORD));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		assertThat(login.json().get("user").get("email").asString()).isEqualTo(ADMIN);
		assertThat(login.json().get("user").get("role").asString()).isEqualTo("admin");
		assertThat(login.json().get("user").get("display_name").asString()).isEqualTo("Administrator");
		assertThat(login.json().get("user").get("tenant_id").asString()).isNotBlank();
		assertThat(login.header("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("CHIMERA_SESSION=")
			.contains("HttpOnly").contains("SameSite=Strict"));
		assertThat(browser.cookie("XSRF-TOKEN")).as("a log-in rotates the CSRF token").isNotEqualTo(tokenBefore);

		Browser.Reply me = browser.get("/v1/auth/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("user")).isEqualTo(login.json().get("user"));

		Browser.Reply forged = browser.send("POST", "/v1/agents", agent("Forged"));
		assertThat(forged.status()).as("a cookie-authenticated change without the token").isEqualTo(403);
		assertThat(forged.code()).isEqualTo("csrf_failed");
		assertThat(browser.send("POST", "/v1/agents", agent("Forged"), Map.of("X-XSRF-TOKEN", "forged")).status())
			.isEqualTo(403);
		assertThat(browser.sendWithCsrf("POST", "/v1/agents", agent("Dashboard Agent")).status()).isEqualTo(201);

		Browser.Reply user = browser.sendWithCsrf("POST", "/v1/users", Map.of("email", "reviewer@chimera.test",
				"password", "a reviewer's passphrase", "role", "reviewer", "display_name", "Rita"));
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		Browser.Reply users = browser.get("/v1/users");
		assertThat(users.json().get("count").asInt()).isEqualTo(2);
		assertThat(users.text()).doesNotContain("password").doesNotContain("$2a$");
		Browser.Reply shortPassword = browser.sendWithCsrf("POST", "/v1/users", Map.of("email", "short@chimera.test",
				"password", "short", "role", "reviewer"));
		assertThat(shortPassword.status()).isEqualTo(422);
		assertThat(shortPassword.json().get("detail").asString()).isEqualTo("password: must be at least 12 characters");
		assertThat(browser.sendWithCsrf("POST", "/v1/users", Map.of("email", "REVIEWER@chimera.test",
				"password", "another passphrase", "role", "reviewer")).status()).isEqualTo(409);

		assertThat(browser.sendWithCsrf("POST", "/v1/auth/logout", null).status()).isEqualTo(204);
		assertThat(browser.get("/v1/auth/me").status()).isEqualTo(401);

		Browser rita = new Browser(this.port);
		rita.get("/v1/auth/me");
		assertThat(rita.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "reviewer@chimera.test", "password",
				"a reviewer's passphrase")).json().get("user").get("role").asString()).isEqualTo("reviewer");
		assertThat(rita.sendWithCsrf("POST", "/v1/agents", agent("Rita's")).code()).isEqualTo("forbidden");
	}

	/**
	 * Sessions live in PostgreSQL: a second orchestrator (another replica, or this one restarted) serves the
	 * signed-in user, and signing out ends the session everywhere.
	 */
	@Test
	void aSessionIsServedByAnyOrchestratorInstance() throws SQLException {
		Browser browser = new Browser(this.port);
		browser.get("/v1/auth/me");
		assertThat(browser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD))
			.status()).isEqualTo(200);
		String userId = this.jdbc.sql("SELECT CAST(id AS text) FROM users WHERE email = :email").param("email", ADMIN)
			.query(String.class).single();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :who")
			.param("who", "user:" + userId).query(Long.class).single()).as("the session is in PostgreSQL").isPositive();
		Map<String, String> sessionCookie = Map.of("Cookie", "CHIMERA_SESSION=" + browser.cookie("CHIMERA_SESSION"));

		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(OrchestratorApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + this.dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
				"--spring.datasource.username=" + this.dataSource.unwrap(HikariDataSource.class).getUsername(),
				"--chimera.redis-url=" + this.environment.getProperty("chimera.redis-url"))) {
			int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
			Browser.Reply me = new Browser(otherPort).send("GET", "/v1/auth/me", null, sessionCookie);
			assertThat(me.status()).as(me.text()).isEqualTo(200);
			assertThat(me.json().get("user").get("email").asString()).isEqualTo(ADMIN);

			assertThat(browser.sendWithCsrf("POST", "/v1/auth/logout", null).status()).isEqualTo(204);
			assertThat(new Browser(otherPort).send("GET", "/v1/auth/me", null, sessionCookie).status()).isEqualTo(401);
		}
	}

	@Test
	void apiKeyRequestsNeedNoCsrfTokenAndKeepNoSession() {
		Browser machine = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "default", "operator"));
		Browser.Reply created = machine.send("POST", "/v1/agents", agent("Machine Agent"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("set-cookie")).noneMatch(c -> c.startsWith("CHIMERA_SESSION"));
		Browser.Reply me = machine.get("/v1/auth/me");
		assertThat(me.json().get("api_key").get("role").asString()).isEqualTo("operator");
	}
}
