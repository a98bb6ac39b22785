package tech.aiqem.chimera.orchestrator.observability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.infra.observability.ObservabilityProperties;
import tech.aiqem.chimera.infra.observability.QueueDepthGauges;
import tech.aiqem.chimera.infra.redis.Redis;

/** Reads the operational gauges every {@code chimera.observability.refresh-interval}. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	QueueDepthGauges queueDepthGauges(Redis redis, MeterRegistry meters) {
		return new QueueDepthGauges(redis, meters);
	}

	@Bean
	HitlMeters hitlMeters(JdbcClient jdbc, MeterRegistry meters) {
		return new HitlMeters(jdbc, meters);
	}

	@Bean
	SpendMeters spendMeters(JdbcClient jdbc, MeterRegistry meters, ObservabilityProperties properties) {
		return new SpendMeters(jdbc, meters, properties.topAgents());
	}

	@Bean
	BackgroundLoop operationalMeters(QueueDepthGauges queues, HitlMeters hitl, SpendMeters spend, Clock clock,
			ObservabilityProperties properties) {
		return new BackgroundLoop("operational-meters", properties.refreshInterval(), () -> {
			queues.refresh();
			hitl.refresh(clock.instant());
			spend.refresh(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
			return false;
		});
	}
}
