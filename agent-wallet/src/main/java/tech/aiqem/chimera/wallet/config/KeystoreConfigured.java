package tech.aiqem.chimera.wallet.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The local keystore adapter is used when CDP is not configured and a passphrase is set. A service that
 * only reviews payments (the judge) runs without the passphrase and so holds no key material at all.
 */
class KeystoreConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String passphrase = context.getEnvironment().getProperty("chimera.wallet.passphrase", "");
		return !CdpConfigured.configured(context) && !passphrase.isBlank();
	}
}
