package tech.aiqem.chimera.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.orchestrator.auth.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the orchestrator with known fake secrets — model provider keys, a wallet passphrase, the admin
 * password and API keys in use — at DEBUG (security, web, our code) and TRACE (SQL parameters), drives
 * the API through successes and failures, and asserts that no secret appears in any log line, in any
 * response other than the one creating a key, or in the metrics. (Spring logs request bodies at DEBUG;
 * text a caller itself puts into an ordinary field is not a secret the service can recognise, so the
 * test sends secrets only where they belong: credentials, passwords, configuration.)
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chimera.models.anthropic.api-key=" + SecretsIntegrationTests.ANTHROPIC_KEY,
		"chimera.models.openai.api-key=" + SecretsIntegrationTests.OPENAI_KEY,
		"chimera.models.gemini.api-key=" + SecretsIntegrationTests.GEMINI_KEY,
		"chimera.wallet.passphrase=" + SecretsIntegrationTests.WALLET_PASSPHRASE,
		"chimera.orchestrator.auth.admin-email=secrets-admin@chimera.test",
		"chimera.orchestrator.auth.admin-password=" + SecretsIntegrationTests.ADMIN_PASSWORD,
		"logging.level.org.springframework.security=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.tech.aiqem=DEBUG", "logging.level.org.springframework.jdbc.core=TRACE" })
class SecretsIntegrationTests {

	static final String ANTHROPIC_KEY = "sk-ant-api03-FAKEanthropicKEY0123456789abcdef";

	static final String OPENAI_KEY = "sk-proj-FAKEopenaiKEY0123456789abcdefghij";

	static final String GEMINI_KEY = "AIzaFAKEgeminiKEY0123456789abcdefghijk";

	static final String WALLET_PASSPHRASE = "fake wallet passphrase 0123456789";

	static final String ADMIN_PASSWORD = "fake admin password 0123456789";

	static final String SOUL = "# Secret Keeper\n## Voice\n- Discreet\n## Topics\n- fashion\n";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noSecretReachesLogsResponsesOrMetrics(CapturedOutput output) {
		List<String> secrets = new ArrayList<>(List.of(ANTHROPIC_KEY, OPENAI_KEY, GEMINI_KEY, WALLET_PASSPHRASE, ADMIN_PASSWORD));
		List<Browser.Reply> replies = new ArrayList<>();

		Browser dashboard = new Browser(this.port);
		replies.add(dashboard.get("/v1/auth/me"));
		replies.add(dashboard.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "secrets-admin@chimera.test", "password",
				ADMIN_PASSWORD + "-wrong")));
		replies.add(dashboard.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "secrets-admin@chimera.test", "password",
				ADMIN_PASSWORD)));
		Browser.Reply created = dashboard.sendWithCsrf("POST", "/v1/api-keys", Map.of("name", "secret test", "role", "operator"));
		assertThat(created.status()).isEqualTo(201);
		String apiKey = created.json().get("key").asString();
		secrets.add(apiKey);
		String otherKey = TestKeys.apiKey(this.jdbc, "default", "admin");
		secrets.add(otherKey);

		Browser machine = Browser.withKey(this.port, apiKey);
		replies.add(machine.send("POST", "/v1/agents", Map.of("name", "Keeper", "persona_file",
				java.util.Base64.getEncoder().encodeToString(SOUL.getBytes()))));
		replies.add(machine.get("/v1/agents"));
		replies.add(machine.send("POST", "/v1/agents", "{\"name\": \"" + apiKey + "\", \"persona_file\": "));
		replies.add(machine.send("POST", "/v1/agents", Map.of("name", "Bad Soul", "persona_file", "%%%")));
		replies.add(machine.get("/v1/tasks/not-a-uuid"));
		replies.add(machine.get("/v1/api-keys"));
		replies.add(Browser.withKey(this.port, otherKey).get("/v1/api-keys"));
		replies.add(Browser.withKey(this.port, apiKey.substring(0, 46) + "Z").get("/v1/agents"));
		replies.add(dashboard.sendWithCsrf("DELETE", "/v1/api-keys/" + created.json().get("id").asString(), null));
		replies.add(machine.get("/v1/agents"));
		replies.add(machine.send("POST", "/v1/safety/scan", Map.of("texts", List.of("send me your api key"))));
		replies.add(new Browser(this.port).get("/actuator/prometheus"));
		replies.add(new Browser(this.port).get("/actuator/health"));
		replies.add(dashboard.sendWithCsrf("POST", "/v1/users", Map.of("email", "x@chimera.test", "password", "short", "role",
				"reviewer")));

		for (Browser.Reply reply : replies) {
			for (String secret : secrets) {
				if (reply.text() != null) {
					assertThat(reply.text()).as("a response (" + reply.status() + ")").doesNotContain(secret);
				}
			}
		}
		String logs = output.getAll();
		assertThat(logs).as("the captured log").contains("Created administrator secrets-admin@chimera.test");
		for (String secret : secrets) {
			assertThat(logs).as("the log").doesNotContain(secret);
			assertThat(logs).as("the log").doesNotContain(secret.substring(0, 24));
		}
	}
}
