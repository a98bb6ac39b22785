package tech.aiqem.chimera.orchestrator.system;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Tenancy tenancy;

	WebConfiguration(JdbcClient jdbc) {
		this.tenancy = new Tenancy(jdbc);
	}

	@Bean
	Tenancy tenancy() {
		return this.tenancy;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.tenancy);
	}
}
