package tech.aiqem.chimera.wallet.config;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.budget.BudgetAutoConfiguration;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.wallet.AgentWallets;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.keystore.CdpWallets;
import tech.aiqem.chimera.wallet.keystore.KeystoreWallets;
import tech.aiqem.chimera.wallet.keystore.Passphrase;
import tech.aiqem.chimera.wallet.keystore.WalletSigner;
import tech.aiqem.chimera.wallet.payment.ChainPayments;
import tech.aiqem.chimera.wallet.payment.ReceiptFollower;
import tech.aiqem.chimera.wallet.policy.JdbcPaymentAllowList;
import tech.aiqem.chimera.wallet.policy.PaymentPolicy;
import tech.aiqem.chimera.wallet.policy.PaymentReview;

/**
 * Wallets, payments, the receipt follower and the payment policy. Keystore wallets unless both CDP keys
 * are set (then the CDP seam, which is not implemented offline and says so).
 */
@AutoConfiguration(after = BudgetAutoConfiguration.class)
@ConditionalOnBean({ DataSource.class, SpendGuard.class })
@EnableConfigurationProperties(WalletProperties.class)
public class WalletAutoConfiguration {

	@Bean(destroyMethod = "close")
	EvmNetworks evmNetworks(WalletProperties properties) {
		return new EvmNetworks(properties.networks().configured());
	}

	@Bean
	@Conditional(KeystoreConfigured.class)
	KeystoreWallets keystoreWallets(DataSource dataSource, WalletProperties properties, EvmNetworks networks) {
		return new KeystoreWallets(new JdbcTemplate(dataSource), new Passphrase(properties.passphrase()),
				properties.keystoreKdf(), networks);
	}

	@Bean
	@Conditional(CdpConfigured.class)
	CdpWallets cdpWallets(WalletProperties properties, EvmNetworks networks) {
		return new CdpWallets(properties.cdp().apiKeyName(), networks);
	}

	@Bean
	@ConditionalOnBean({ AgentWallets.class, WalletSigner.class })
	ChainPayments payments(AgentWallets wallets, WalletSigner signer, EvmNetworks networks, SpendGuard spendGuard,
			DataSource dataSource, Clock clock) {
		return new ChainPayments(wallets, signer, networks, spendGuard, new JdbcTemplate(dataSource), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "chimera.wallet.receipts.enabled", havingValue = "true", matchIfMissing = true)
	ReceiptFollower receiptFollower(EvmNetworks networks, SpendGuard spendGuard, DataSource dataSource, Clock clock,
			WalletProperties properties) {
		return new ReceiptFollower(networks, spendGuard, new JdbcTemplate(dataSource), clock,
				properties.receipts().pollInterval());
	}

	@Bean
	PaymentPolicy paymentPolicy(WalletProperties properties) {
		return new PaymentPolicy(properties.hitlAboveUsd());
	}

	@Bean
	PaymentReview paymentReview(DataSource dataSource, PaymentPolicy policy, EvmNetworks networks) {
		return new PaymentReview(new JdbcTemplate(dataSource), policy, networks);
	}

	@Bean
	JdbcPaymentAllowList paymentAllowList(DataSource dataSource) {
		return new JdbcPaymentAllowList(new JdbcTemplate(dataSource));
	}
}
