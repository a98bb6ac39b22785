package tech.aiqem.chimera.tools.payment;

/** The default gateway: this server has no wallet wired in, so every payment is refused, plainly. */
public final class PaymentsNotConfigured implements PaymentGateway {

	@Override
	public PaymentReceipt pay(PaymentCommand command) {
		throw new PaymentRefusedException("payments are not configured on this server");
	}
}
