package tech.aiqem.chimera.wallet.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.AgentNotActiveException;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.chain.UsdcUnits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payments on a real local chain (ganache), with real PostgreSQL and Redis. */
class PaymentsIntegrationTests {

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
	void anApprovedPaymentMovesExactlyTheAmountAndAThirdPartySeesTheNewBalances() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "100", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();

		PaymentRecord record = f.payments.pay(payer.pay(task, payee, "12.345678"));

		assertThat(record.status()).isEqualTo(PaymentRecord.Status.PENDING);
		assertThat(record.transactionHash()).matches("^0x[0-9a-f]{64}$");
		assertThat(record.fromAddress()).isEqualTo(payer.address());
		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("87.654322");
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("12.345678");
		assertThat(f.observer.receipt(record.transactionHash()).get("status").asString()).isEqualTo("0x1");

		assertThat(f.newFollower().followOnce()).isPositive();
		PaymentRecord confirmed = f.payments.find(task).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(PaymentRecord.Status.CONFIRMED);
		assertThat(confirmed.confirmedAt()).isEqualTo(PaymentFixture.NOW);
		assertThat(confirmed.blockNumber()).isPositive();
		assertThat(confirmed.amountUsdc()).isEqualByComparingTo("12.345678");
		assertThat(confirmed.purpose()).isEqualTo("paid graphic designer");
		assertThat(f.wallets.balance(payee.address(), Network.BASE).usdc()).isEqualByComparingTo("12.345678");
		assertThat(f.guard.spentToday(payer.agent())).isEqualByComparingTo("12.345678");
	}

	@Test
	void anOverBudgetPaymentIsRefusedWithE1001AndNothingMovesOnChain() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "100", new BigDecimal("10.00"));
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		f.payments.pay(payer.pay(payer.newTask(), payee, "8"));
		TaskId overBudget = payer.newTask();

		assertThatThrownBy(() -> f.payments.pay(payer.pay(overBudget, payee, "2.01")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1001));

		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("92");
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("8");
		assertThat(f.payments.find(overBudget)).isEmpty();
		assertThat(f.db.jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class,
				payer.campaign().value())).isEqualTo("paused");
		assertThat(f.db.count("SELECT count(*) FROM incidents WHERE code = 'E1001' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
	}

	@Test
	void insufficientUsdcGivesE1005PausesFinancialTasksAndNotifiesTheOperator() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "3", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();

		assertThatThrownBy(() -> f.payments.pay(payer.pay(task, payee, "3.01")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("lacks USDC");

		assertThat(f.db.jdbc.queryForObject("SELECT financial_paused FROM agents WHERE id = ?", Boolean.class,
				payer.agent().value())).isTrue();
		assertThat(f.db.count("SELECT count(*) FROM incidents WHERE code = 'E1005' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
		assertThat(f.payments.find(task)).isEmpty();
		assertThat(f.guard.spentToday(payer.agent())).isEqualByComparingTo("0");
		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("3");
		// Paused: even an affordable payment waits for the operator, and no second incident is filed.
		assertThatThrownBy(() -> f.payments.pay(payer.pay(payer.newTask(), payee, "1")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("paused");
		assertThat(f.db.count("SELECT count(*) FROM incidents WHERE code = 'E1005' AND agent_id = ?",
				payer.agent().value())).isEqualTo(1);
	}

	@Test
	void aPausedAgentPaysNothingAndItsBudgetIsNotSpent() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "1", "10", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);
		TaskId task = payer.newTask();
		f.db.jdbc.update("UPDATE agents SET status = 'paused' WHERE id = ?", payer.agent().value());

		assertThatThrownBy(() -> f.payments.pay(payer.pay(task, payee, "1")))
			.isInstanceOfSatisfying(AgentNotActiveException.class, ex -> assertThat(ex.agentId()).isEqualTo(payer.agent()));

		assertThat(f.payments.find(task)).isEmpty();
		assertThat(f.guard.spentToday(payer.agent())).isEqualByComparingTo("0");
		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("10");
		// resumed, the same task pays once
		f.db.jdbc.update("UPDATE agents SET status = 'active' WHERE id = ?", payer.agent().value());
		assertThat(f.payments.pay(payer.pay(task, payee, "1")).status()).isEqualTo(PaymentRecord.Status.PENDING);
		assertThat(f.usdcSeenByThirdParty(payee)).isEqualByComparingTo("1");
	}

	@Test
	void noEthForGasGivesE1005Too() {
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "0", "10", null);
		PaymentFixture.Party payee = f.party(tenant, "0", "0", null);

		assertThatThrownBy(() -> f.payments.pay(payer.pay(payer.newTask(), payee, "1")))
			.isInstanceOfSatisfying(ChimeraException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005))
			.hasMessageContaining("ETH for gas");
		assertThat(f.usdcSeenByThirdParty(payer)).isEqualByComparingTo("10");
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
		TenantId tenant = f.db.tenant();
		PaymentFixture.Party payer = f.party(tenant, "0", "0", null);
		PaymentFixture.Party other = f.party(tenant, "0", "0", null);
		TaskId othersTask = other.newTask();
		assertThatThrownBy(() -> f.payments.pay(payer.pay(othersTask, other, "1")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a task of agent");
	}
}
