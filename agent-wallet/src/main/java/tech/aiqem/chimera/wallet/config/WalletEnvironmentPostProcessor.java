package tech.aiqem.chimera.wallet.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Maps the specification's environment ({@code BASE_RPC_URL}, {@code ETHEREUM_RPC_URL},
 * {@code CDP_API_KEY_*}, {@code CHIMERA_WALLET_PASSPHRASE}) onto {@code chimera.wallet.*}, at the lowest
 * precedence.
 */
class WalletEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("chimeraWalletDefaults",
						new ClassPathResource("chimera-wallet-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
