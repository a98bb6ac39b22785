package tech.aiqem.chimera.local;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each child process of the launcher holds only the secrets its own code reads. */
class ServiceSecretsUnitTests {

	private final ServiceSecrets secrets = new ServiceSecrets();

	@Test
	void eachCallerOfTheToolsHasItsOwnTokenAndTheToolsServerKnowsAllThree() {
		Map<String, String> tools = this.secrets.envFor(Service.MCP_TOOLS);
		assertThat(this.secrets.envFor(Service.WORKER)).containsOnlyKeys("MCP_TOOLS_TOKEN")
			.containsEntry("MCP_TOOLS_TOKEN", tools.get("MCP_TOKEN_WORKER"));
		assertThat(this.secrets.envFor(Service.PLANNER)).containsEntry("MCP_TOOLS_TOKEN", tools.get("MCP_TOKEN_PLANNER"));
		assertThat(this.secrets.envFor(Service.JUDGE)).containsEntry("MCP_TOOLS_TOKEN", tools.get("MCP_TOKEN_PUBLISHER"));
		assertThat(tools.get("MCP_TOKEN_WORKER")).hasSize(64).isNotEqualTo(tools.get("MCP_TOKEN_PUBLISHER"));
		assertThat(new ServiceSecrets().envFor(Service.MCP_TOOLS).get("MCP_TOKEN_PUBLISHER"))
			.as("fresh for each run").isNotEqualTo(tools.get("MCP_TOKEN_PUBLISHER"));
	}

	@Test
	void onlyTheServicesThatHoldKeysGetThePassphraseAndOnlyTheOrchestratorTheAdminPassword() {
		this.secrets.keep("a-wallet-passphrase-long-enough", "an-admin-password");
		assertThat(this.secrets.envFor(Service.ORCHESTRATOR)).containsEntry("CHIMERA_WALLET_PASSPHRASE", "a-wallet-passphrase-long-enough")
			.containsEntry("CHIMERA_ADMIN_PASSWORD", "an-admin-password");
		assertThat(this.secrets.envFor(Service.MCP_TOOLS)).containsKey("CHIMERA_WALLET_PASSPHRASE").doesNotContainKey("CHIMERA_ADMIN_PASSWORD");
		for (Service service : new Service[] { Service.WORKER, Service.PLANNER, Service.JUDGE }) {
			assertThat(this.secrets.envFor(service)).as(service.label())
				.doesNotContainKeys("CHIMERA_WALLET_PASSPHRASE", "CHIMERA_ADMIN_PASSWORD");
		}
	}

	@Test
	void secretsInTheLaunchersOwnEnvironmentAreNotPassedToServicesThatDoNotReadThem() {
		assertThat(ServiceSecrets.withheldFrom(Service.WORKER)).contains("CHIMERA_WALLET_PASSPHRASE", "X_ACCESS_TOKEN",
				"CHIMERA_ADMIN_PASSWORD", "MCP_TOKEN_PUBLISHER", "CDP_API_KEY_PRIVATE_KEY").doesNotContain("OPENAI_API_KEY");
		assertThat(ServiceSecrets.withheldFrom(Service.MCP_TOOLS)).doesNotContain("X_ACCESS_TOKEN", "CHIMERA_WALLET_PASSPHRASE")
			.contains("OPENAI_API_KEY", "CHIMERA_ADMIN_PASSWORD");
		assertThat(ServiceSecrets.withheldFrom(Service.ORCHESTRATOR)).doesNotContain("CHIMERA_ADMIN_PASSWORD", "CHIMERA_WALLET_PASSPHRASE")
			.contains("X_ACCESS_TOKEN", "ANTHROPIC_API_KEY");
	}
}
