package tech.aiqem.chimera.orchestrator.hitl;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;

@Configuration(proxyBeanMethods = false)
class HitlConfiguration {

	@Bean
	BackgroundLoop reviewEscalationLoop(ReviewEscalation escalation) {
		return new BackgroundLoop("review-escalation", Duration.ofSeconds(5), escalation::escalateOverdue);
	}
}
