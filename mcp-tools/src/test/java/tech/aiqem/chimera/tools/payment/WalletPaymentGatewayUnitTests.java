package tech.aiqem.chimera.tools.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.AgentNotActiveException;
import tech.aiqem.chimera.wallet.PaymentRecord;
import tech.aiqem.chimera.wallet.Payments;
import tech.aiqem.chimera.wallet.policy.PaymentDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The wallet policy is asked again when the money moves, not only when the judge reviewed the payment. */
class WalletPaymentGatewayUnitTests {

	private static final Payment PAYMENT = new Payment("0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb0", new BigDecimal("40"),
			"designer fee", Network.BASE);

	private final RecordingPayments payments = new RecordingPayments();

	private final PaymentCommand byJudge = new PaymentCommand(TaskId.random(), AgentId.random(), TenantId.random(), PAYMENT, false);

	@Test
	void whatThePolicyRefusesNowIsNotPaid() {
		var gateway = new WalletPaymentGateway(this.payments, (tenant, agent, payment) -> decision(PaymentDecision.Verdict.REFUSE, null,
				"the agent cannot pay its own wallet"));
		assertThatExceptionOfType(PaymentRefusedException.class).isThrownBy(() -> gateway.pay(this.byJudge))
			.withMessageContaining("cannot pay its own wallet");
		assertThat(this.payments.paid).isEmpty();
	}

	@Test
	void aFinancialPauseIsInsufficientFunds() {
		var gateway = new WalletPaymentGateway(this.payments,
				(tenant, agent, payment) -> decision(PaymentDecision.Verdict.REFUSE, ErrorCode.E1005, "financial tasks are paused"));
		assertThatExceptionOfType(ChimeraException.class).isThrownBy(() -> gateway.pay(this.byJudge))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.E1005));
		assertThat(this.payments.paid).isEmpty();
	}

	@Test
	void whatNeedsAHumanGoesOutOnlyWhenAHumanApprovedIt() {
		var gateway = new WalletPaymentGateway(this.payments, (tenant, agent, payment) -> decision(PaymentDecision.Verdict.NEEDS_HITL,
				null, "recipient is not on the agent's allow-list"));
		assertThatExceptionOfType(PaymentRefusedException.class).isThrownBy(() -> gateway.pay(this.byJudge))
			.withMessageContaining("needs a human's approval");
		assertThat(this.payments.paid).isEmpty();

		PaymentCommand byHuman = new PaymentCommand(this.byJudge.taskId(), this.byJudge.agentId(), this.byJudge.tenant(), PAYMENT, true);
		assertThat(gateway.pay(byHuman).transactionHash()).isEqualTo("0x" + "cd".repeat(32));
		assertThat(this.payments.paid).hasSize(1);
	}

	@Test
	void aPaymentAlreadyMadeIsReturnedWhateverThePolicySaysNow() {
		this.payments.existing = Optional.of(record(this.byJudge));
		var gateway = new WalletPaymentGateway(this.payments, (tenant, agent, payment) -> {
			throw new AssertionError("not asked for a payment already made");
		});
		assertThat(gateway.pay(this.byJudge).transactionHash()).isEqualTo("0x" + "cd".repeat(32));
	}

	@Test
	void anAgentPausedWhileTheCallWaitedIsToldToCallAgainNotRefused() {
		var wallet = new RecordingPayments() {
			@Override
			public PaymentRecord pay(tech.aiqem.chimera.wallet.PaymentCommand command) {
				throw new AgentNotActiveException(command.agentId());
			}
		};
		var gateway = new WalletPaymentGateway(wallet, (tenant, agent, payment) -> decision(PaymentDecision.Verdict.SEND, null,
				"within the allow-list"));
		assertThatExceptionOfType(AgentPausedException.class).isThrownBy(() -> gateway.pay(this.byJudge))
			.withMessageContaining("not active");
	}

	private static PaymentDecision decision(PaymentDecision.Verdict verdict, ErrorCode code, String reason) {
		return new PaymentDecision(verdict, List.of(reason), code);
	}

	private static PaymentRecord record(PaymentCommand command) {
		return new PaymentRecord(command.taskId(), command.agentId(), "0x" + "cd".repeat(32), "0x" + "11".repeat(20),
				PAYMENT.toAddress(), PAYMENT.amountUsdc(), PAYMENT.network(), PaymentRecord.Status.PENDING, PAYMENT.purpose(),
				Instant.now(), null, null, null);
	}

	private static class RecordingPayments implements Payments {

		final List<tech.aiqem.chimera.wallet.PaymentCommand> paid = new ArrayList<>();

		Optional<PaymentRecord> existing = Optional.empty();

		@Override
		public PaymentRecord pay(tech.aiqem.chimera.wallet.PaymentCommand command) {
			if (this.existing.isPresent()) {
				return this.existing.get();
			}
			this.paid.add(command);
			return new PaymentRecord(command.taskId(), command.agentId(), "0x" + "cd".repeat(32), "0x" + "11".repeat(20),
					command.payment().toAddress(), command.payment().amountUsdc(), command.payment().network(),
					PaymentRecord.Status.PENDING, command.payment().purpose(), Instant.now(), null, null, null);
		}

		@Override
		public Optional<PaymentRecord> find(TaskId taskId) {
			return this.existing;
		}
	}
}
