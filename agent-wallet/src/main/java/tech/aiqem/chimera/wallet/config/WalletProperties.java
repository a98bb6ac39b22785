package tech.aiqem.chimera.wallet.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.wallet.chain.NetworkSettings;
import tech.aiqem.chimera.wallet.keystore.KeystoreKdf;

/**
 * The wallet module's configuration ({@code chimera.wallet.*}); environment defaults in
 * {@code chimera-wallet-defaults.properties}. Secrets (the passphrase, the CDP private key, RPC URLs
 * that carry API keys) never appear in {@link #toString()}.
 *
 * @param passphrase encrypts the agents' keystores ({@code CHIMERA_WALLET_PASSPHRASE}); required for the
 * keystore wallets, at least 12 characters
 * @param keystoreKdf scrypt cost of new keystores: standard (production) or light (tests, demos)
 * @param hitlAboveUsd payments above this need a human
 */
@Validated
@ConfigurationProperties("chimera.wallet")
public record WalletProperties(String passphrase, @NotNull @DefaultValue("standard") KeystoreKdf keystoreKdf,
		@NotNull @DecimalMin("0") @DefaultValue("50.00") BigDecimal hitlAboveUsd,
		@Valid @NotNull @DefaultValue Networks networks, @Valid @NotNull @DefaultValue Receipts receipts,
		@NotNull @DefaultValue Cdp cdp) {

	public record Networks(@Valid @NotNull @DefaultValue NetworkProperties base,
			@Valid @NotNull @DefaultValue NetworkProperties ethereum) {

		/** The networks that have an RPC URL, validated. */
		public Map<Network, NetworkSettings> configured() {
			Map<Network, NetworkSettings> settings = new EnumMap<>(Network.class);
			this.base.toSettings(Network.BASE).ifPresent(value -> settings.put(Network.BASE, value));
			this.ethereum.toSettings(Network.ETHEREUM).ifPresent(value -> settings.put(Network.ETHEREUM, value));
			return settings;
		}
	}

	/** One network; unused while {@code rpcUrl} is blank. */
	public record NetworkProperties(String rpcUrl, String usdcAddress, Long chainId,
			@DefaultValue("100000") long gasLimit) {

		java.util.Optional<NetworkSettings> toSettings(Network network) {
			if (this.rpcUrl == null || this.rpcUrl.isBlank()) {
				return java.util.Optional.empty();
			}
			if (this.chainId == null) {
				throw new IllegalArgumentException("chimera.wallet.networks." + network.wire() + ".chain-id is required");
			}
			try {
				return java.util.Optional.of(new NetworkSettings(this.rpcUrl.trim(), this.usdcAddress, this.chainId,
						this.gasLimit));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("chimera.wallet.networks." + network.wire() + ": " + ex.getMessage());
			}
		}

		@Override
		public String toString() {
			String url = this.rpcUrl == null || this.rpcUrl.isBlank() ? "" : "(set)";
			return "NetworkProperties[rpcUrl=" + url + ", usdcAddress=" + this.usdcAddress + ", chainId=" + this.chainId
					+ ", gasLimit=" + this.gasLimit + "]";
		}
	}

	/**
	 * @param pollInterval how often pending payments are checked for receipts
	 */
	public record Receipts(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("2s") Duration pollInterval) {
	}

	/** Coinbase CDP ({@code CDP_API_KEY_NAME}, {@code CDP_API_KEY_PRIVATE_KEY}). */
	public record Cdp(String apiKeyName, String apiKeyPrivateKey) {

		public boolean configured() {
			return this.apiKeyName != null && !this.apiKeyName.isBlank() && this.apiKeyPrivateKey != null
					&& !this.apiKeyPrivateKey.isBlank();
		}

		@Override
		public String toString() {
			return "Cdp[apiKeyName=" + this.apiKeyName + ", apiKeyPrivateKey=" + (configured() ? "[redacted]" : "")
					+ "]";
		}
	}

	@Override
	public String toString() {
		return "WalletProperties[passphrase=" + (this.passphrase == null || this.passphrase.isEmpty() ? "" : "[redacted]")
				+ ", keystoreKdf=" + this.keystoreKdf + ", hitlAboveUsd=" + this.hitlAboveUsd + ", networks="
				+ this.networks + ", receipts=" + this.receipts + ", cdp=" + this.cdp + "]";
	}
}
