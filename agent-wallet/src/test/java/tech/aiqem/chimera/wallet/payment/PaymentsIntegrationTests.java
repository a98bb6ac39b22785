package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.budget.BudgetAutoConfiguration;
import tech.aiqem.chimera.infra.budget.BudgetProperties;
import tech.aiqem.chimera.infra.budget.SpendGuard;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.MutableClock;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.SharedChain;
import tech.aiqem.chimera.wallet.ThirdPartyRpc;
import tech.aiqem.chimera.wallet.WalletDatabase;
import tech.aiqem.chimera.wallet.chain.EvmChain;
import tech.aiqem.chimera.wallet.chain.EvmNetworks;
import tech.aiqem.chimera.wallet.chain.LocalChain;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;
import tech.aiqem.chimera.wallet.keystore.KeystoreKdf;
import tech.aiqem.chimera.wallet.keystore.KeystoreWallets;
import tech.aiqem.chimera.wallet.keystore.Passphrase;
import tech.aiqem.chimera.wallet.keystore.SignedTransaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Payments on a real local chain (ganache), with real PostgreSQL and Redis. */
class PaymentsIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-02-06T10:30:00Z");

	private static LocalChain chain;

	private static WalletDatabase db;

	private static Redis redis;

	private static EvmNetworks networks;

	private static KeystoreWallets wallets;

	private static SpendGuard guard;

	private static ChainPayments payments;

	private static ThirdPartyRpc observer;

	private static final MutableClock clock = new MutableClock(NOW);

	@BeforeAll
	static void start() {
		chain = SharedChain.get();
		db = new WalletDatabase();
		redis = new Redis(TestServices.freshRedisUrl());
		networks = new EvmNetworks(Map.of(Network.BASE, chain.networkSettings()));
		wallets = new KeystoreWallets(db.jdbc, new Passphrase("correct horse battery staple"), KeystoreKdf.LIGHT,
				networks);
		guard = BudgetAutoConfiguration.create(redis, db.jdbc, new BudgetProperties(new BigDecimal("100.00")), clock);
		payments = new ChainPayments(wallets, wallets, networks, guard, db.jdbc, clock);
		observer = new ThirdPartyRpc(chain.rpcUrl());
	}

	@AfterAll
	static void stop() {
		networks.close();
		redis.close();
		db.close();
	}

	private record Party(TenantId tenant, AgentId agent, CampaignId campaign, String address) {

		TaskId newTask() {
			return db.paymentTask(this.tenant, this.agent, this.campaign);
		}

		PaymentCommand pay(TaskId task, Party to, String amount) {
			return new PaymentCommand(task, this.tenant, this.agent,
					new Payment(to.address, new BigDecimal(amount), "paid graphic designer", Network.BASE));
		}
	}

	private static Party party(TenantId tenant, String eth, String usdc, BigDecimal campaignDailyBudget) {
		AgentId agent = db.agent(tenant, null);
		CampaignId campaign = db.campaign(tenant, agent, campaignDailyBudget);
		String address = wallets.create(tenant, agent);
		chain.fund(address, new BigDecimal(eth), new BigDecimal(usdc));
		return new Party(tenant, agent, campaign, address);
	}

	private static BigDecimal usdcSeenByThirdParty(Party party) {
		return observer.usdcBalance(chain.usdcAddress(), party.address());
	}

	private static ReceiptFollower newFollower() {
		return new ReceiptFollower(networks, guard, db.jdbc, clock, Duration.ofMillis(100));
	}

	@Test
	void anApprovedPaymentMovesExactlyTheAmountAndAThirdPartySeesTheNewBalances() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "100", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();

		PaymentRecord record = payments.pay(payer.pay(task, payee, "12.345678"));

		assertThat(record.status()).isEqualTo(PaymentRecord.Status.PENDING);
		assertThat(record.transactionHash()).matches("^0x[0-9a-f]{64}$");
		assertThat(record.fromAddress()).isEqualTo(payer.address());
		assertThat(usdcSeenByThirdParty(payer)).isEqualByComparingTo("87.654322");
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("12.345678");
		assertThat(observer.receipt(record.transactionHash()).get("status").asString()).isEqualTo("0x1");

		assertThat(newFollower().followOnce()).isPositive();
		PaymentRecord confirmed = payments.find(task).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(PaymentRecord.Status.CONFIRMED);
		assertThat(confirmed.confirmedAt()).isEqualTo(NOW);
		assertThat(confirmed.blockNumber()).isPositive();
		assertThat(confirmed.amountUsdc()).isEqualByComparingTo("12.345678");
		assertThat(confirmed.purpose()).isEqualTo("paid graphic designer");
		assertThat(wallets.balance(payee.address(), Network.BASE).usdc()).isEqualByComparingTo("12.345678");
		assertThat(guard.spentToday(payer.agent())).isEqualByComparingTo("12.345678");
	}

	@Test
	void aRetriedPaymentForTheSameTaskPaysOnceEvenWhenTheRetriesRace() throws Exception {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "50", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		PaymentCommand command = payer.pay(task, payee, "5");

		PaymentRecord first = payments.pay(command);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CyclicBarrier start = new CyclicBarrier(4);
			List<Future<PaymentRecord>> retries = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<PaymentRecord> retry = () -> {
					start.await();
					return payments.pay(command);
				};
				retries.add(pool.submit(retry));
			}
			for (Future<PaymentRecord> retry : retries) {
				assertThat(retry.get().transactionHash()).isEqualTo(first.transactionHash());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("5");
		assertThat(usdcSeenByThirdParty(payer)).isEqualByComparingTo("45");
		assertThat(db.count("SELECT count(*) FROM transactions WHERE task_id = ?", task.value())).isEqualTo(1);
		assertThat(db.count("SELECT count(*) FROM spend_ledger WHERE ref = ?", "pay:" + task)).isEqualTo(1);
		assertThat(guard.spentToday(payer.agent())).isEqualByComparingTo("5");
	}

	@Test
	void concurrentPaymentsOfDifferentTasksFromOneWalletAllGoThrough() throws Exception {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "50", null);
		Party payee = party(tenant, "0", "0", null);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<PaymentRecord>> sent = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				TaskId task = payer.newTask();
				sent.add(pool.submit(() -> payments.pay(payer.pay(task, payee, "1.5"))));
			}
			for (Future<PaymentRecord> each : sent) {
				assertThat(each.get().status()).isNotEqualTo(PaymentRecord.Status.FAILED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("4.5");
	}

	@Test
	void anOverBudgetPaymentIsRefusedWithE1001AndNothingMovesOnChain() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "100", new BigDecimal("10.00"));
		Party payee = party(tenant, "0", "0", null);
		payments.pay(payer.pay(payer.newTask(), payee, "8"));
		TaskId overBudget = payer.newTask();

		assertThatThrownBy(() -> payments.pay(payer.pay(overBudget, payee, "2.01")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1001));

		assertThat(usdcSeenByThirdParty(payer)).isEqualByComparingTo("92");
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("8");
		assertThat(payments.find(overBudget)).isEmpty();
		assertThat(db.jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class,
				payer.campaign().value())).isEqualTo("paused");
		assertThat(db.count("SELECT count(*) FROM incidents WHERE code = 'E1001' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
	}

	@Test
	void twoParallelPaymentsAgainstANearlySpentBudgetNeverBothGoThrough() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				TenantId tenant = db.tenant();
				Party payer = party(tenant, "1", "100", new BigDecimal("10.00"));
				Party payee = party(tenant, "0", "0", null);
				payments.pay(payer.pay(payer.newTask(), payee, "9"));
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Boolean>> attempts = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					TaskId task = payer.newTask();
					attempts.add(pool.submit(() -> {
						start.await();
						try {
							return payments.pay(payer.pay(task, payee, "0.75")) != null;
						}
						catch (ChimeraException ex) {
							assertThat(ex.code()).isEqualTo(ErrorCode.E1001);
							return false;
						}
					}));
				}
				int passed = 0;
				for (Future<Boolean> attempt : attempts) {
					passed += attempt.get() ? 1 : 0;
				}
				assertThat(passed).as("round %d", round).isEqualTo(1);
				assertThat(usdcSeenByThirdParty(payee)).as("round %d", round).isEqualByComparingTo("9.75");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void insufficientUsdcGivesE1005PausesFinancialTasksAndNotifiesTheOperator() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "3", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();

		assertThatThrownBy(() -> payments.pay(payer.pay(task, payee, "3.01")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("lacks USDC");

		assertThat(db.jdbc.queryForObject("SELECT financial_paused FROM agents WHERE id = ?", Boolean.class,
				payer.agent().value())).isTrue();
		assertThat(db.count("SELECT count(*) FROM incidents WHERE code = 'E1005' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
		assertThat(payments.find(task)).isEmpty();
		assertThat(guard.spentToday(payer.agent())).isEqualByComparingTo("0");
		assertThat(usdcSeenByThirdParty(payer)).isEqualByComparingTo("3");
		// Paused: even an affordable payment waits for the operator, and no second incident is filed.
		assertThatThrownBy(() -> payments.pay(payer.pay(payer.newTask(), payee, "1")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("paused");
		assertThat(db.count("SELECT count(*) FROM incidents WHERE code = 'E1005' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
	}

	@Test
	void noEthForGasGivesE1005Too() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "0", "10", null);
		Party payee = party(tenant, "0", "0", null);

		assertThatThrownBy(() -> payments.pay(payer.pay(payer.newTask(), payee, "1")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("ETH for gas");
		assertThat(usdcSeenByThirdParty(payer)).isEqualByComparingTo("10");
	}

	@Test
	void aPendingPaymentBecomesConfirmedWhenItIsMined() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "20", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		ReceiptFollower follower = newFollower();
		chain.stopMining();
		try {
			PaymentRecord record = payments.pay(payer.pay(task, payee, "2.5"));
			assertThat(record.status()).isEqualTo(PaymentRecord.Status.PENDING);
			follower.followOnce();
			assertThat(db.status(task)).isEqualTo("pending");
			assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("0");
			follower.start();
		}
		finally {
			chain.startMining();
		}
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> db.status(task).equals("confirmed"));
		}
		finally {
			follower.stop();
		}
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("2.5");
	}

	@Test
	void aFollowerStartedAfterARestartConfirmsTheRowsLeftPending() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "20", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		chain.stopMining();
		try {
			payments.pay(payer.pay(task, payee, "4"));
		}
		finally {
			chain.startMining();
		}
		// Mined while no follower ran: the table still says pending.
		await().atMost(Duration.ofSeconds(20)).until(() -> usdcSeenByThirdParty(payee).compareTo(new BigDecimal("4")) == 0);
		assertThat(db.status(task)).isEqualTo("pending");

		ReceiptFollower fresh = newFollower();
		fresh.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> db.status(task).equals("confirmed"));
		}
		finally {
			fresh.stop();
		}
	}

	@Test
	void aPaymentRecordedButNeverBroadcastIsBroadcastByTheNextFollower() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "1", "20", null);
		Party payee = party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		// What a crash between recording and broadcasting leaves: a signed, recorded, unsent transaction.
		EvmChain base = networks.chain(Network.BASE);
		RawTransaction transfer = RawTransaction.createTransaction(base.pendingNonce(payer.address()), base.gasPrice(),
				java.math.BigInteger.valueOf(100_000), chain.usdcAddress(),
				EvmChain.transferData(payee.address(), UsdcUnits.toUnits(new BigDecimal("6"))));
		SignedTransaction signed = wallets.sign(payer.agent(), transfer, chain.chainId());
		db.jdbc.update("""
				INSERT INTO transactions (agent_id, tenant_id, task_id, transaction_hash, from_address, to_address,
				                          amount_usdc, network, status, purpose, chain_id, nonce, signed_transaction)
				VALUES (?, ?, ?, ?, ?, ?, 6, 'base', 'pending', 'sponsor', 1337, ?, ?)
				""", payer.agent().value(), tenant.value(), task.value(), signed.hash(), payer.address(),
				payee.address(), transfer.getNonce().longValue(), signed.hex());
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("0");

		newFollower().followOnce();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			newFollower().followOnce();
			return db.status(task).equals("confirmed");
		});
		assertThat(usdcSeenByThirdParty(payee)).isEqualByComparingTo("6");
	}

	@Test
	void amountsWithMoreThanSixDecimalsAreRefusedBeforeAnythingHappens() {
		assertThatThrownBy(() -> new Payment("0x" + "1".repeat(40), new BigDecimal("1.0000001"), "x", Network.BASE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("more than 6 decimals");
		assertThatThrownBy(() -> UsdcUnits.toUnits(new BigDecimal("0.0000001")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTaskOfAnotherAgentCannotBePaidFrom() {
		TenantId tenant = db.tenant();
		Party payer = party(tenant, "0", "0", null);
		Party other = party(tenant, "0", "0", null);
		TaskId othersTask = other.newTask();
		assertThatThrownBy(() -> payments.pay(payer.pay(othersTask, other, "1")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a task of agent");
	}
}
