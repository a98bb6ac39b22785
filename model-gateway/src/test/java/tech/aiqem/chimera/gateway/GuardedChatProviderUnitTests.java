package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

import tech.aiqem.chimera.gateway.ModelException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The time limit and circuit breaker around one provider, with providers that hang or fail on purpose. */
class GuardedChatProviderUnitTests {

	private final ExecutorService calls = Executors.newCachedThreadPool();

	private final Hanging hanging = new Hanging();

	@AfterEach
	void stop() {
		this.calls.shutdownNow();
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS) // guards against a hang only; the limit under test is 200 ms
	void endsAHangingCallAtTheTimeLimitAndInterruptsIt() throws InterruptedException {
		GuardedChatProvider guarded = guarded(this.hanging, breaker(10));

		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> guarded.chat(ModelRole.WORKER, prompt(), "m"))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.TIMEOUT);
				assertThat(ex.provider()).isEqualTo("hanging");
			});
		assertThat(this.hanging.interrupted.await(10, TimeUnit.SECONDS)).as("the call's thread is interrupted").isTrue();
	}

	@Test
	void skipsTheProviderWhileItsBreakerIsOpen() {
		Failing failing = new Failing(Reason.SERVER_ERROR);
		GuardedChatProvider guarded = guarded(failing, breaker(2));

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(ModelException.class).isThrownBy(() -> guarded.chat(ModelRole.WORKER, prompt(), "m"))
				.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.SERVER_ERROR));
		}
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> guarded.chat(ModelRole.WORKER, prompt(), "m"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
		assertThat(failing.calls.get()).isEqualTo(2);
		assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void countsOnlyOutagesAgainstTheProvider() {
		Failing rejecting = new Failing(Reason.REJECTED);
		GuardedChatProvider guarded = guarded(rejecting, breaker(2));

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ModelException.class).isThrownBy(() -> guarded.chat(ModelRole.WORKER, prompt(), "m"))
				.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.REJECTED));
		}
		assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void theCallRunsWithTheCallersLogContext() {
		AtomicReference<String> seen = new AtomicReference<>();
		ChatProvider recording = new Failing(Reason.SERVER_ERROR) {

			@Override
			public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
				seen.set(MDC.get("task_id"));
				return super.chat(role, prompt, model);
			}
		};
		MDC.put("task_id", "task-7");
		try {
			assertThatExceptionOfType(ModelException.class)
				.isThrownBy(() -> guarded(recording, breaker(10)).chat(ModelRole.WORKER, prompt(), "m"));
		}
		finally {
			MDC.remove("task_id");
		}
		assertThat(seen.get()).isEqualTo("task-7");
	}

	private GuardedChatProvider guarded(ChatProvider provider, CircuitBreaker breaker) {
		TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
			.timeoutDuration(Duration.ofMillis(200))
			.cancelRunningFuture(true)
			.build());
		return new GuardedChatProvider(provider, breaker, limiter, this.calls);
	}

	private static CircuitBreaker breaker(int calls) {
		return CircuitBreaker.of("test", CircuitBreakerConfig.custom()
			.slidingWindowSize(calls)
			.minimumNumberOfCalls(calls)
			.waitDurationInOpenState(Duration.ofHours(1))
			.recordException(ProviderGuards::isOutage)
			.build());
	}

	private static ModelPrompt prompt() {
		return ModelPrompt.of(null, "hello");
	}

	/** Never answers; notes when its thread is interrupted. */
	private static final class Hanging implements ChatProvider {

		final CountDownLatch interrupted = new CountDownLatch(1);

		@Override
		public String name() {
			return "hanging";
		}

		@Override
		public boolean offline() {
			return false;
		}

		@Override
		public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				this.interrupted.countDown();
			}
			throw new IllegalStateException("gave up");
		}
	}

	private static class Failing implements ChatProvider {

		final AtomicInteger calls = new AtomicInteger();

		private final Reason reason;

		Failing(Reason reason) {
			this.reason = reason;
		}

		@Override
		public String name() {
			return "failing";
		}

		@Override
		public boolean offline() {
			return false;
		}

		@Override
		public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
			this.calls.incrementAndGet();
			throw new ModelException(name(), 500, this.reason, "recorded failure");
		}
	}
}
