package tech.aiqem.chimera.wallet.keystore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.threeten.extra.MutableClock;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

import tech.aiqem.chimera.budget.BudgetAutoConfiguration;
import tech.aiqem.chimera.budget.BudgetProperties;
import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.SharedChain;
import tech.aiqem.chimera.wallet.WalletDatabase;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.config.WalletProperties;
import tech.aiqem.chimera.wallet.payment.ChainPayments;
import tech.aiqem.chimera.wallet.payment.ReceiptFollower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The passphrase and the private keys never show: not in logs (at TRACE), not in toString(), not in errors. */
class KeystoreSecrecyIntegrationTests {

	private static final String PASSPHRASE = "Tr0ub4dor&3-never-print-me";

	private static final List<String> LOGGERS = List.of("tech.aiqem", "org.web3j", "okhttp3", "org.springframework.jdbc");

	private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private static final List<Level> previousLevels = new ArrayList<>();

	private static WalletDatabase db;

	@BeforeAll
	static void captureEverything() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		logs.setContext(context);
		logs.start();
		for (String name : LOGGERS) {
			Logger logger = context.getLogger(name);
			previousLevels.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		context.getLogger("ROOT").addAppender(logs);
		db = new WalletDatabase();
	}

	@AfterAll
	static void restore() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger("ROOT").detachAppender(logs);
		for (int i = 0; i < LOGGERS.size(); i++) {
			context.getLogger(LOGGERS.get(i)).setLevel(previousLevels.get(i));
		}
		db.close();
	}

	private static String privateKeyOf(AgentId agent) throws Exception {
		String json = db.jdbc.queryForObject("SELECT keystore FROM agent_wallets WHERE agent_id = ?", String.class,
				agent.value());
		WalletFile file = ObjectMapperFactory.getObjectMapper().readValue(json, WalletFile.class);
		BigInteger key = Wallet.decrypt(PASSPHRASE, file).getPrivateKey();
		return String.format("%064x", key);
	}

	@Test
	void creatingSigningAndPayingLeakNeitherThePassphraseNorTheKey() throws Exception {
		LocalChain chain = SharedChain.get();
		MutableClock clock = MutableClock.of(Instant.parse("2026-02-06T10:30:00Z"), ZoneOffset.UTC);
		try (EvmNetworks networks = new EvmNetworks(Map.of(Network.BASE, SharedChain.networkSettings(chain)));
				Redis redis = new Redis(TestServices.freshRedisUrl())) {
			KeystoreWallets wallets = new KeystoreWallets(db.jdbc, new Passphrase(PASSPHRASE), KeystoreKdf.LIGHT,
					networks);
			TenantId tenant = db.tenant();
			AgentId payer = db.agent(tenant, null);
			AgentId payee = db.agent(tenant, null);
			CampaignId campaign = db.campaign(tenant, payer, null);
			String from = wallets.create(tenant, payer);
			String to = wallets.create(tenant, payee);
			chain.fund(from, BigDecimal.ONE, new BigDecimal("10"));
			var guard = BudgetAutoConfiguration.create(redis, db.jdbc, new BudgetProperties(new BigDecimal("100")),
					clock);
			ChainPayments payments = new ChainPayments(wallets, wallets, networks, guard, db.jdbc, clock);
			PaymentRecord paid = payments.pay(new PaymentCommand(db.paymentTask(tenant, payer, campaign), tenant, payer,
					new Payment(to, new BigDecimal("1.25"), "test", Network.BASE)));
			new ReceiptFollower(networks, guard, db.jdbc, clock, Duration.ofSeconds(1)).followOnce();
			SignedTransaction signed = wallets.sign(payer,
					RawTransaction.createEtherTransaction(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(21000), to,
							BigInteger.ONE),
					LocalChain.CHAIN_ID);

			KeystoreWallets wrongPassphrase = new KeystoreWallets(db.jdbc, new Passphrase("not-the-right-passphrase"),
					KeystoreKdf.LIGHT, networks);
			assertThatThrownBy(() -> wrongPassphrase.sign(payer,
					RawTransaction.createEtherTransaction(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(21000), to,
							BigInteger.ONE),
					LocalChain.CHAIN_ID))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("cannot be decrypted with the configured CHIMERA_WALLET_PASSPHRASE")
				.hasMessageNotContaining("not-the-right-passphrase")
				.hasNoCause();

			String payerKey = privateKeyOf(payer);
			String payeeKey = privateKeyOf(payee);
			assertThat(Keys.toChecksumAddress(Keys.getAddress(
					org.web3j.crypto.ECKeyPair.create(new BigInteger(payerKey, 16))))).isEqualTo(from);

			List<String> secrets = List.of(PASSPHRASE, payerKey, payeeKey, payerKey.toUpperCase(),
					new BigInteger(payerKey, 16).toString());
			List<String> printed = new ArrayList<>();
			for (ILoggingEvent event : logs.list) {
				printed.add(event.getFormattedMessage());
				if (event.getThrowableProxy() != null) {
					printed.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
				}
			}
			printed.add(wallets.toString());
			printed.add(new Passphrase(PASSPHRASE).toString());
			printed.add(paid.toString());
			printed.add(signed.toString());
			printed.add(new WalletProperties(PASSPHRASE, KeystoreKdf.LIGHT, BigDecimal.TEN,
					new WalletProperties.Networks(
							new WalletProperties.NetworkProperties("http://x/" + payerKey, null, 1L, 100_000),
							new WalletProperties.NetworkProperties(null, null, null, 100_000)),
					new WalletProperties.Receipts(true, Duration.ofSeconds(2)),
					new WalletProperties.Cdp("organizations/x/apiKeys/y", PASSPHRASE))
				.toString());

			assertThat(logs.list).as("the capture works").isNotEmpty();
			assertThat(printed).anySatisfy(line -> assertThat(line).contains(from));
			for (String line : printed) {
				for (String secret : secrets) {
					assertThat(line).doesNotContain(secret);
				}
			}
		}
	}

	@Test
	void createIsIdempotentReturnsAChecksummedAddressAndKeepsOnlyAnEncryptedKeystore() {
		try (EvmNetworks networks = new EvmNetworks(Map.of())) {
			KeystoreWallets wallets = new KeystoreWallets(db.jdbc, new Passphrase(PASSPHRASE), KeystoreKdf.LIGHT,
					networks);
			TenantId tenant = db.tenant();
			AgentId agent = db.agent(tenant, null);

			String address = wallets.create(tenant, agent);

			assertThat(address).matches("^0x[a-fA-F0-9]{40}$").isEqualTo(Keys.toChecksumAddress(address));
			assertThat(wallets.create(tenant, agent)).isEqualTo(address);
			assertThat(wallets.address(agent)).isEqualTo(address);
			assertThat(db.count("SELECT count(*) FROM agent_wallets WHERE agent_id = ?", agent.value())).isEqualTo(1);
			String keystore = db.jdbc.queryForObject("SELECT keystore FROM agent_wallets WHERE agent_id = ?",
					String.class, agent.value());
			assertThat(keystore).contains("\"kdf\":\"scrypt\"").contains("\"ciphertext\"");
			assertThat(wallets.address(AgentId.random())).isNull();
			assertThatThrownBy(() -> wallets.create(db.tenant(), agent)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("does not belong to tenant");
			assertThatThrownBy(() -> wallets.create(tenant, AgentId.random()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("unknown agent");
		}
	}

	@Test
	void aShortOrMissingPassphraseIsRefusedWithoutEchoingIt() {
		assertThatThrownBy(() -> new Passphrase("short-one")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least 12 characters")
			.hasMessageNotContaining("short-one");
		assertThatThrownBy(() -> new Passphrase(" ")).hasMessageContaining("CHIMERA_WALLET_PASSPHRASE");
	}
}
