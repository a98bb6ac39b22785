package tech.aiqem.chimera.wallet.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import tech.aiqem.chimera.budget.BudgetAutoConfiguration;
import tech.aiqem.chimera.budget.SpendGuard;
import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.embedded.chain.LocalChain;
import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.AgentWallets;
import tech.aiqem.chimera.wallet.PaymentAllowList;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.Payments;
import tech.aiqem.chimera.wallet.SharedChain;
import tech.aiqem.chimera.wallet.keystore.CdpWallets;
import tech.aiqem.chimera.wallet.keystore.KeystoreWallets;
import tech.aiqem.chimera.wallet.payment.ReceiptFollower;
import tech.aiqem.chimera.wallet.policy.PaymentPolicy;
import tech.aiqem.chimera.wallet.policy.PaymentReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class WalletAutoConfigurationIntegrationTests {

	private static String database;

	private static String redis;

	@BeforeAll
	static void migrate() {
		database = TestServices.freshPostgresDatabase();
		redis = TestServices.freshRedisUrl();
		Flyway.configure().dataSource(database, null, null).locations("classpath:db/migrations").load().migrate();
	}

	private static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChimeraInfraAutoConfiguration.class,
					DataSourceAutoConfiguration.class, BudgetAutoConfiguration.class, WalletAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database, "chimera.redis-url=" + redis,
					"chimera.instance-id=wallet-test", "chimera.wallet.keystore-kdf=light",
					"chimera.wallet.hitl-above-usd=20", "chimera.wallet.receipts.poll-interval=100ms");
	}

	@Test
	void theKeystoreAdapterIsTheDefaultAndAPaymentGoesThroughTheWiredBeans() {
		LocalChain chain = SharedChain.get();
		runner().withPropertyValues("chimera.wallet.passphrase=a passphrase long enough",
				"chimera.wallet.networks.base.rpc-url=" + chain.rpcUrl(),
				"chimera.wallet.networks.base.usdc-address=" + chain.usdcAddress(),
				"chimera.wallet.networks.base.chain-id=" + chain.chainId())
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(KeystoreWallets.class).doesNotHaveBean(CdpWallets.class);
				assertThat(context).hasSingleBean(SpendGuard.class).hasSingleBean(PaymentReview.class)
					.hasSingleBean(PaymentAllowList.class).hasSingleBean(ReceiptFollower.class);
				assertThat(context.getBean(ReceiptFollower.class).isRunning()).isTrue();

				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
				TenantId tenant = TenantId.random();
				AgentId payer = AgentId.random();
				AgentId payee = AgentId.random();
				CampaignId campaign = CampaignId.random();
				TaskId task = TaskId.random();
				jdbc.update("INSERT INTO tenants (id, name) VALUES (?, 'wired')", tenant.value());
				for (AgentId agent : new AgentId[] { payer, payee }) {
					jdbc.update("""
							INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status)
							VALUES (?, ?, ?, 'soul://x/SOUL.md', '# soul', '{}'::jsonb, 'active')
							""", agent.value(), tenant.value(), "agent-" + agent);
				}
				jdbc.update("""
						INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, duration_days, posts_per_day,
						                       estimated_posts)
						VALUES (?, ?, ?, 'c', '{}'::jsonb, 'active', 1, 1, 1)
						""", campaign.value(), tenant.value(), payer.value());
				jdbc.update("""
						INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context,
						                   state_version, goals_revision, scheduled_at)
						VALUES (?, ?, ?, ?, 'execute_transaction', 'high', 'in_progress', '{}'::jsonb, 0, 1, now())
						""", task.value(), campaign.value(), payer.value(), tenant.value());
				AgentWallets wallets = context.getBean(AgentWallets.class);
				String from = wallets.create(tenant, payer);
				String to = wallets.create(tenant, payee);
				chain.fund(from, BigDecimal.ONE, new BigDecimal("30"));

				Payment payment = new Payment(to, new BigDecimal("21"), "wired", Network.BASE);
				assertThat(context.getBean(PaymentReview.class).review(tenant, payer, payment).needsHitl()).isTrue();
				Payments payments = context.getBean(Payments.class);
				payments.pay(new PaymentCommand(task, tenant, payer, payment));

				await().atMost(Duration.ofSeconds(20))
					.until(() -> payments.find(task).orElseThrow().status() == PaymentRecord.Status.CONFIRMED);
				assertThat(wallets.balance(to, Network.BASE).usdc()).isEqualByComparingTo("21");
				assertThat(wallets.balance(from, Network.BASE).eth()).isLessThan(BigDecimal.ONE);
			});
	}

	@Test
	void withoutAPassphraseNoKeyIsHeldButPaymentsCanStillBeReviewed() {
		// The judge runs like this: it screens payments with the policy and holds no key material.
		runner().run(context -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(KeystoreWallets.class)
				.doesNotHaveBean(tech.aiqem.chimera.wallet.Payments.class)
				.hasSingleBean(tech.aiqem.chimera.wallet.policy.PaymentReview.class);
		});
	}

	@Test
	void aTooShortPassphraseStopsStartUp() {
		runner().withPropertyValues("chimera.wallet.passphrase=short").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("CHIMERA_WALLET_PASSPHRASE");
		});
	}

	@Test
	void withBothCdpKeysTheCustodialSeamIsSelectedAndSaysItIsNotImplemented() {
		runner().withPropertyValues("chimera.wallet.cdp.api-key-name=organizations/o/apiKeys/k",
				"chimera.wallet.cdp.api-key-private-key=-----BEGIN EC PRIVATE KEY-----x")
			.run(context -> {
				assertThat(context).hasNotFailed().hasSingleBean(CdpWallets.class).doesNotHaveBean(KeystoreWallets.class);
				assertThatThrownBy(() -> context.getBean(AgentWallets.class).create(TenantId.random(), AgentId.random()))
					.isInstanceOf(UnsupportedOperationException.class)
					.hasMessageContaining("not implemented in this build");
				assertThat(context.getBean(PaymentPolicy.class)).isNotNull();
			});
	}

	@Test
	void theSpecificationsEnvironmentVariablesFillTheWalletProperties() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test-env", Map.of("BASE_RPC_URL", "https://base.example/key",
					"ETHEREUM_RPC_URL", "https://eth.example/key", "CHIMERA_WALLET_PASSPHRASE", "from the environment")));
		new WalletEnvironmentPostProcessor().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("chimera.wallet.networks.base.rpc-url")).isEqualTo("https://base.example/key");
		assertThat(environment.getProperty("chimera.wallet.networks.base.chain-id")).isEqualTo("8453");
		assertThat(environment.getProperty("chimera.wallet.networks.ethereum.usdc-address"))
			.isEqualTo("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
		assertThat(environment.getProperty("chimera.wallet.passphrase")).isEqualTo("from the environment");
		assertThat(environment.getProperty("chimera.wallet.cdp.api-key-name")).isEmpty();
	}
}
