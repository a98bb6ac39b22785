package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.gateway.ModelException.Reason;

/**
 * Puts each hosted provider behind a circuit breaker of its own (shared by the roles that use it) and the
 * time limit {@code chimera.models.timeout}. Breaker states are the meter
 * {@code resilience4j_circuitbreaker_state{name=<provider>}}; each change of state is logged once.
 */
final class ProviderGuards {

	private static final Logger log = LoggerFactory.getLogger(ProviderGuards.class);

	/** Failures that say the provider is down; rate limits, malformed and rejected answers say it is up. */
	private static final Set<Reason> OUTAGES = EnumSet.of(Reason.TIMEOUT, Reason.SERVER_ERROR, Reason.UNREACHABLE,
			Reason.FAILED);

	private final CircuitBreakerRegistry breakers;

	private final TimeLimiterConfig limit;

	private final Duration openFor;

	private final ExecutorService calls = callThreads();

	ProviderGuards(ModelProperties properties, MeterRegistry registry) {
		ModelProperties.Breaker settings = properties.breaker();
		this.openFor = settings.openFor();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRate())
			.waitDurationInOpenState(settings.openFor())
			.recordException(ProviderGuards::isOutage)
			.build());
		this.limit = TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(registry);
	}

	static boolean isOutage(Throwable failure) {
		return !(failure instanceof ModelException model) || OUTAGES.contains(model.reason());
	}

	ChatProvider guard(ChatProvider provider) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(provider.name());
		breaker.getEventPublisher().onStateTransition(event -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> log.warn("Model provider {}: circuit breaker open after repeated failures; skipped for {} ms",
						provider.name(), this.openFor.toMillis());
				case CLOSED -> log.info("Model provider {}: circuit breaker closed, answering again", provider.name());
				default -> log.debug("Model provider {}: circuit breaker {}", provider.name(),
						event.getStateTransition().getToState());
			}
		});
		return new GuardedChatProvider(provider, breaker, TimeLimiter.of(provider.name(), this.limit), this.calls);
	}

	/**
	 * A thread per call in flight, which the time limiter can interrupt: virtual on a JVM that has them (the
	 * images run 25; the worker may have thousands of calls out), else daemon platform threads.
	 */
	private static ExecutorService callThreads() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			AtomicInteger count = new AtomicInteger();
			ThreadFactory daemons = task -> {
				Thread thread = new Thread(task, "chimera-model-call-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
			return Executors.newCachedThreadPool(daemons);
		}
	}
}
