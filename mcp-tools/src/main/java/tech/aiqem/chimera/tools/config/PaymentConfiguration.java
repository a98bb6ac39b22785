package tech.aiqem.chimera.tools.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.tools.payment.PaymentGateway;
import tech.aiqem.chimera.tools.payment.PaymentsNotConfigured;
import tech.aiqem.chimera.tools.payment.WalletPaymentGateway;
import tech.aiqem.chimera.wallet.Payments;
import tech.aiqem.chimera.wallet.policy.PaymentReview;

/**
 * {@code send_payment} pays through the wallet module when it is configured here (a keystore passphrase,
 * or custodial keys); otherwise the tool refuses every payment, plainly.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	PaymentGateway paymentGateway(ObjectProvider<Payments> payments, ObjectProvider<PaymentReview> review) {
		Payments wallet = payments.getIfAvailable();
		PaymentReview policy = review.getIfAvailable();
		if (wallet == null || policy == null) {
			return new PaymentsNotConfigured();
		}
		return new WalletPaymentGateway(wallet, policy::review);
	}
}
