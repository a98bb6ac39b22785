package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.wallet.PaymentCommand;
import tech.aiqem.chimera.wallet.PaymentRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Payments racing each other: retries of one task, payments of one wallet, spends against one budget. */
class ConcurrentPaymentsIntegrationTests {

	private static PaymentFixture f;

	@BeforeAll
	static void start() {
		f = new PaymentFixture();
	}

	@AfterAll
	static void stop() {
		f.close();
	}

	@Test
	void aRetriedPaymentForTheSameTaskPaysOnceEvenWhenTheRetriesRace() throws Exception {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "50", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		PaymentCommand command = payer.pay(task, payee, "5");

		PaymentRecord first = f.payments.pay(command);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CyclicBarrier start = new CyclicBarrier(4);
			List<Future<PaymentRecord>> retries = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<PaymentRecord> retry = () -> {
					start.await();
					return f.payments.pay(command);
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

		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("5");
		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("45");
		assertThat(f.db.count("SELECT count(*) FROM transactions WHERE task_id = ?", task.value())).isEqualTo(1);
		assertThat(f.db.count("SELECT count(*) FROM spend_ledger WHERE ref = ?", "pay:" + task)).isEqualTo(1);
		assertThat(f.guard.spentToday(payer.agent())).isEqualByComparingTo("5");
	}

	@Test
	void concurrentPaymentsOfDifferentTasksFromOneWalletAllGoThrough() throws Exception {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "50", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<PaymentRecord>> sent = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				TaskId task = payer.newTask();
				sent.add(pool.submit(() -> f.payments.pay(payer.pay(task, payee, "1.5"))));
			}
			for (Future<PaymentRecord> each : sent) {
				assertThat(each.get().status()).isNotEqualTo(PaymentRecord.Status.FAILED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("4.5");
	}

	@Test
	void twoParallelPaymentsAgainstANearlySpentBudgetNeverBothGoThrough() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				TenantId tenant = f.db.tenant();
				PaymentFixture.Party payer = f.party(tenant, "1", "100", new BigDecimal("10.00"));
				PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
				f.payments.pay(payer.pay(payer.newTask(), payee, "9"));
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Boolean>> attempts = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					TaskId task = payer.newTask();
					attempts.add(pool.submit(() -> {
						start.await();
						try {
							return f.payments.pay(payer.pay(task, payee, "0.75")) != null;
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
				assertThat(f.usdcSeenByThirdParty(payee)).as("round %d", round).isEqualByComparingTo("9.75");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
