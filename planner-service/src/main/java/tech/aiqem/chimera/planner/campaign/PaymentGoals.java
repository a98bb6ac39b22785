package tech.aiqem.chimera.planner.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.message.Payment;

/**
 * Payments a campaign's goals ask for in so many words: "pay 25 USDC to 0x… for the lookbook photos
 * (on ethereum)". Anything less explicit is not a payment instruction.
 */
public final class PaymentGoals {

	private static final Pattern PAY = Pattern.compile(
			"pay\\s+(\\d+(?:\\.\\d{1,6})?)\\s*usdc\\s+to\\s+(0x[a-fA-F0-9]{40})(?:\\s+for\\s+([^.;\\n]+?))?(?:\\s+on\\s+(base|ethereum))?(?=[.;\\n]|$)",
			Pattern.CASE_INSENSITIVE);

	private PaymentGoals() {
	}

	static List<Payment> in(String goals) {
		List<Payment> payments = new ArrayList<>();
		if (goals == null) {
			return payments;
		}
		Matcher matcher = PAY.matcher(goals);
		while (matcher.find()) {
			String purpose = matcher.group(3) == null ? "campaign payment" : matcher.group(3).strip();
			Network network = matcher.group(4) == null ? Network.BASE : Network.of(matcher.group(4));
			try {
				payments.add(new Payment(matcher.group(2), new BigDecimal(matcher.group(1)), purpose, network));
			}
			catch (IllegalArgumentException ex) {
				// Below the minimum or otherwise not a valid payment: not an instruction.
			}
		}
		return payments;
	}

	/**
	 * Whether the goals still ask for this payment: the same recipient, amount and purpose (the
	 * {@link #key}) on the same network. A payment that is not there any more must not be sent.
	 */
	public static boolean stillAsked(String goals, Payment payment) {
		if (payment == null) {
			return false;
		}
		String key = key(payment);
		return in(goals).stream().anyMatch(asked -> key(asked).equals(key) && asked.network() == payment.network());
	}

	/** A stable key so that one instruction is planned once, whatever happens to the goals afterwards. */
	static String key(Payment payment) {
		return "payment:" + payment.toAddress().toLowerCase() + ":" + payment.amountUsdc().stripTrailingZeros().toPlainString()
				+ ":" + Integer.toHexString(payment.purpose().toLowerCase().hashCode());
	}
}
