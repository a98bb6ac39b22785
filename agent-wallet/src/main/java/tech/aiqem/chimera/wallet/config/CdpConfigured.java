package tech.aiqem.chimera.wallet.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when both CDP keys are set (non-blank); the defaults map blank variables to empty strings. */
class CdpConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return configured(context);
	}

	static boolean configured(ConditionContext context) {
		String name = context.getEnvironment().getProperty("chimera.wallet.cdp.api-key-name", "");
		String key = context.getEnvironment().getProperty("chimera.wallet.cdp.api-key-private-key", "");
		return !name.isBlank() && !key.isBlank();
	}

}
