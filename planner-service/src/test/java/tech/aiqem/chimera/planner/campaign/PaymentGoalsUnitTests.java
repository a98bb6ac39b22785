package tech.aiqem.chimera.planner.campaign;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.message.Payment;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sentences of a campaign's goals are payment instructions, and the key each is planned once under. */
class PaymentGoalsUnitTests {

	private static final String PHOTOGRAPHER = "0x" + "a1B2c3D4e5".repeat(4);

	private static final String MODEL = "0x" + "0123456789".repeat(4);

	@Test
	void anExplicitInstructionIsReadWithItsAmountAddressPurposeAndNetwork() {
		List<Payment> payments = PaymentGoals.in("Grow the audience. Pay 25 USDC to " + PHOTOGRAPHER
				+ " for the lookbook photos on ethereum. Post daily.");
		assertThat(payments).singleElement().satisfies(payment -> {
			assertThat(payment.amountUsdc()).isEqualByComparingTo("25");
			assertThat(payment.toAddress()).as("the address as written").isEqualTo(PHOTOGRAPHER);
			assertThat(payment.purpose()).isEqualTo("the lookbook photos");
			assertThat(payment.network()).isEqualTo(Network.ETHEREUM);
		});
	}

	@Test
	void withoutPurposeOrNetworkItIsACampaignPaymentOnBase() {
		assertThat(PaymentGoals.in("pay 1.5 usdc to " + MODEL)).singleElement().satisfies(payment -> {
			assertThat(payment.amountUsdc()).isEqualByComparingTo("1.5");
			assertThat(payment.purpose()).isEqualTo("campaign payment");
			assertThat(payment.network()).isEqualTo(Network.BASE);
		});
	}

	@Test
	void theWordingIsCaseInsensitiveAndEveryInstructionCountsInOrder() {
		List<Payment> payments = PaymentGoals.in("PAY 10 USDC TO " + MODEL + " FOR the fitting; pay 0.25 usdc to "
				+ PHOTOGRAPHER + " on base\nthen celebrate");
		assertThat(payments).extracting(Payment::toAddress).containsExactly(MODEL, PHOTOGRAPHER);
		assertThat(payments).extracting(Payment::purpose).containsExactly("the fitting", "campaign payment");
		assertThat(payments.get(1).amountUsdc()).isEqualByComparingTo("0.25");
	}

	@Test
	void goalsThatOnlyTalkAboutMoneyAreNoInstruction() {
		assertThat(PaymentGoals.in(null)).isEmpty();
		assertThat(PaymentGoals.in("")).isEmpty();
		assertThat(PaymentGoals.in("Pay our designer well and grow the audience")).isEmpty();
		assertThat(PaymentGoals.in("Send 25 USDC to " + MODEL)).as("only 'pay' instructs").isEmpty();
		assertThat(PaymentGoals.in("Pay 25 dollars to " + MODEL)).as("only USDC").isEmpty();
		assertThat(PaymentGoals.in("Pay 25 USDC to our designer")).as("no address").isEmpty();
	}

	@Test
	void anAddressOfTheWrongLengthIsNoAddress() {
		assertThat(PaymentGoals.in("Pay 5 USDC to " + MODEL.substring(0, 41) + ".")).isEmpty();
		assertThat(PaymentGoals.in("Pay 5 USDC to " + MODEL + "f.")).isEmpty();
	}

	@Test
	void anInstructionFollowedByMoreWordsIsNotExplicitEnough() {
		assertThat(PaymentGoals.in("Pay 5 USDC to " + MODEL + " when the post does well")).isEmpty();
	}

	@Test
	void anAmountBelowTheMinimumOrWithMoreThanSixDecimalsIsSkippedAndTheOthersKept() {
		List<Payment> payments = PaymentGoals.in("Pay 0.001 USDC to " + MODEL + ". Pay 1.1234567 USDC to " + MODEL
				+ ". Pay 0.01 USDC to " + PHOTOGRAPHER + ".");
		assertThat(payments).singleElement().satisfies(payment -> {
			assertThat(payment.amountUsdc()).isEqualByComparingTo(Payment.MINIMUM);
			assertThat(payment.toAddress()).isEqualTo(PHOTOGRAPHER);
		});
	}

	@Test
	void theKeyIsTheSameInstructionWhateverItsSpelling() {
		Payment written = new Payment(PHOTOGRAPHER, new BigDecimal("25.00"), "Lookbook Photos", Network.BASE);
		Payment again = new Payment(PHOTOGRAPHER.toLowerCase(), new BigDecimal("25"), "lookbook photos", Network.ETHEREUM);
		assertThat(PaymentGoals.key(written)).isEqualTo(PaymentGoals.key(again))
			.startsWith("payment:" + PHOTOGRAPHER.toLowerCase() + ":25:");
	}

	@Test
	void theKeyTellsApartAnotherPayeeAmountOrPurpose() {
		Payment payment = new Payment(PHOTOGRAPHER, new BigDecimal("25"), "lookbook photos", Network.BASE);
		String key = PaymentGoals.key(payment);
		assertThat(PaymentGoals.key(new Payment(MODEL, new BigDecimal("25"), "lookbook photos", Network.BASE))).isNotEqualTo(key);
		assertThat(PaymentGoals.key(new Payment(PHOTOGRAPHER, new BigDecimal("25.5"), "lookbook photos", Network.BASE)))
			.isNotEqualTo(key);
		assertThat(PaymentGoals.key(new Payment(PHOTOGRAPHER, new BigDecimal("25"), "studio rent", Network.BASE))).isNotEqualTo(key);
	}

	@Test
	void aPlannedPaymentIsKeyedAsItsInstructionReads() {
		Payment parsed = PaymentGoals.in("Pay 25 USDC to " + PHOTOGRAPHER + " for lookbook photos.").get(0);
		assertThat(PaymentGoals.key(parsed)).isEqualTo(PaymentGoals.key(PaymentGoals.in("pay 25.000 usdc to "
				+ PHOTOGRAPHER.toLowerCase() + " for Lookbook photos on base").get(0)));
	}
}
