package tech.aiqem.chimera.wallet.chain;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.wallet.SharedChain;
import tech.aiqem.chimera.wallet.ThirdPartyRpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalChainIntegrationTests {

	@Test
	void theChainServesTheTestTokenFundsWalletsAndLeavesNoProcessWhenClosed() {
		LocalChain chain = LocalChain.start();
		String address = "0x" + "5e".repeat(20);
		try {
			assertThat(chain.chainId()).isEqualTo(1337);
			chain.fund(address, new BigDecimal("0.5"), new BigDecimal("42.000001"));
			assertThat(new ThirdPartyRpc(chain.rpcUrl()).usdcBalance(chain.usdcAddress(), address))
				.isEqualByComparingTo("42.000001");
		}
		finally {
			chain.close();
		}
		assertThat(chain.isRunning()).isFalse();
		assertThatThrownBy(() -> HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(chain.rpcUrl()))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
	}

	@Test
	void theCommittedTokenArtifactIsWhatTheSolidityCompilerMakesOfTheSource() throws Exception {
		SharedChain.get(); // makes sure npm ci ran
		Path chainDir = LocalChain.locate();
		Process compile = new ProcessBuilder("node", "compile.js").directory(chainDir.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String compiled = new String(compile.getInputStream().readAllBytes());
		assertThat(compile.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(compile.exitValue()).isZero();
		String committed;
		try (var in = getClass().getResourceAsStream("/tech/aiqem/chimera/embedded/chain/TestUSDC.json")) {
			committed = new String(in.readAllBytes());
		}
		assertThat(compiled).as("run `npm run compile` in agent-wallet/chain and commit the artifact")
			.isEqualTo(committed);
		assertThat(Files.readString(chainDir.resolve("package.json"))).contains("\"ganache\": \"7.9.2\"")
			.contains("\"solc\": \"0.8.28\"");
	}
}
