package tech.aiqem.chimera.tools.payment;

/** The gateway will not make this payment; the message is shown to the caller. */
public class PaymentRefusedException extends RuntimeException {

	public PaymentRefusedException(String message) {
		super(message);
	}
}
