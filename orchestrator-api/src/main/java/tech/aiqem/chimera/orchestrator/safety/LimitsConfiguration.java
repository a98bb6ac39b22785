package tech.aiqem.chimera.orchestrator.safety;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.orchestrator.system.OrchestratorProperties;
import tech.aiqem.chimera.orchestrator.system.ProblemResponses;

/**
 * Where the limits sit among the servlet filters: the size limit before Spring Security (nothing reads
 * an oversized body, not even to authenticate), the rate limit right after it (it needs the caller).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(OrchestratorProperties properties, ProblemResponses problems) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(properties.limits().maxBody().toBytes(), problems));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimit> rateLimit(Redis redis, OrchestratorProperties properties, ProblemResponses problems) {
		FilterRegistrationBean<RateLimit> registration = new FilterRegistrationBean<>(
				new RateLimit(new RateLimiter(redis), properties.limits().rateLimit(), problems));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}
}
