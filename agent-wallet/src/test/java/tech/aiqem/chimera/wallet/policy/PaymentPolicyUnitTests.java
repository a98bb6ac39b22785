package tech.aiqem.chimera.wallet.policy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.wallet.policy.PaymentDecision.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentPolicyUnitTests {

	private static final String PAYER = "0x" + "1".repeat(40);

	private static final String DESIGNER = "0x" + "2".repeat(40);

	private final PaymentPolicy policy = new PaymentPolicy(new BigDecimal("50.00"));

	private static Payment payment(String amount) {
		return new Payment(DESIGNER, new BigDecimal(amount), "paid graphic designer", Network.BASE);
	}

	private static PaymentFacts allowed(Payment payment) {
		return new PaymentFacts(payment, PAYER, false, true, true, false);
	}

	@Test
	void aSmallPaymentToAnAllowedRecipientIsSent() {
		PaymentDecision decision = this.policy.decide(allowed(payment("50.00")));
		assertThat(decision.verdict()).isEqualTo(Verdict.SEND);
		assertThat(decision.reasons()).isEmpty();
	}

	@Test
	void aPaymentAboveTheThresholdNeedsHitl() {
		PaymentDecision decision = this.policy.decide(allowed(payment("50.01")));
		assertThat(decision.needsHitl()).isTrue();
		assertThat(decision.reasons()).singleElement().asString().contains("above the HITL threshold of 50.00");
	}

	@Test
	void anUnknownRecipientNeedsHitlButAnotherAgentOfTheTenantIsAllowed() {
		PaymentDecision unknown = this.policy.decide(new PaymentFacts(payment("1"), PAYER, false, true, false, false));
		assertThat(unknown.verdict()).isEqualTo(Verdict.NEEDS_HITL);
		assertThat(unknown.reasons()).singleElement().asString().contains("not on the agent's allow-list");

		PaymentDecision tenantAgent = this.policy
			.decide(new PaymentFacts(payment("1"), PAYER, false, true, false, true));
		assertThat(tenantAgent.verdict()).isEqualTo(Verdict.SEND);

		PaymentDecision both = this.policy.decide(new PaymentFacts(payment("99"), PAYER, false, true, false, false));
		assertThat(both.reasons()).hasSize(2);
	}

	@Test
	void paymentsThatCannotOrMustNotBeMadeAreRefused() {
		assertThat(this.policy.decide(new PaymentFacts(payment("1"), null, false, true, true, false)).verdict())
			.isEqualTo(Verdict.REFUSE);
		PaymentDecision paused = this.policy.decide(new PaymentFacts(payment("1"), PAYER, true, true, true, false));
		assertThat(paused.verdict()).isEqualTo(Verdict.REFUSE);
		assertThat(paused.code()).isEqualTo(ErrorCode.E1005);
		assertThat(this.policy.decide(new PaymentFacts(payment("1"), PAYER, false, false, true, false)).verdict())
			.isEqualTo(Verdict.REFUSE);
		Payment toSelf = new Payment(PAYER.toUpperCase().replace("0X", "0x"), BigDecimal.ONE, "x", Network.BASE);
		assertThat(this.policy.decide(allowed(toSelf)).reasons()).containsExactly("the agent cannot pay its own wallet");
		Payment burn = new Payment("0x" + "0".repeat(40), BigDecimal.ONE, "x", Network.BASE);
		assertThat(this.policy.decide(allowed(burn)).verdict()).isEqualTo(Verdict.REFUSE);
	}

	@Test
	void aThresholdOfZeroSendsEveryPaymentToAHuman() {
		PaymentPolicy strict = new PaymentPolicy(BigDecimal.ZERO);
		assertThat(strict.decide(allowed(payment("0.01"))).needsHitl()).isTrue();
	}
}
