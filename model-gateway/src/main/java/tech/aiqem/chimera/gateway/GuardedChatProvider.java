package tech.aiqem.chimera.gateway;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;

import org.slf4j.MDC;

import tech.aiqem.chimera.gateway.ModelException.Reason;

/**
 * A hosted provider behind its circuit breaker and time limiter. The time limit bounds the whole call whatever
 * the HTTP client does (the JDK client's request timeout also covers a stalled body; a client or a langchain4j
 * call that makes several requests need not) and interrupts the call's thread. An open breaker fails the call at once with
 * {@link Reason#CIRCUIT_OPEN}, so the gateway goes straight to the next provider of the chain instead of
 * every task rediscovering the outage.
 */
final class GuardedChatProvider implements ChatProvider {

	private final ChatProvider delegate;

	private final CircuitBreaker breaker;

	private final TimeLimiter limiter;

	private final ExecutorService calls;

	GuardedChatProvider(ChatProvider delegate, CircuitBreaker breaker, TimeLimiter limiter, ExecutorService calls) {
		this.delegate = delegate;
		this.breaker = breaker;
		this.limiter = limiter;
		this.calls = calls;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public boolean offline() {
		return this.delegate.offline();
	}

	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
		if (!this.breaker.tryAcquirePermission()) {
			throw new ModelException(name(), 0, Reason.CIRCUIT_OPEN,
					"skipped: the circuit breaker is open after repeated failures", null, null);
		}
		long start = System.nanoTime();
		AtomicReference<Future<ModelReply>> call = new AtomicReference<>();
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		try {
			ModelReply reply = this.limiter.executeFutureSupplier(() -> {
				call.set(this.calls.submit(() -> withLogContext(logContext, () -> this.delegate.chat(role, prompt, model))));
				return call.get();
			});
			this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return reply;
		}
		catch (TimeoutException ex) {
			ModelException timeout = new ModelException(name(), 0, Reason.TIMEOUT,
					"no answer within the time limit of " + this.limiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms",
					null, null);
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, timeout);
			throw timeout;
		}
		catch (InterruptedException ex) {
			cancel(call.get());
			this.breaker.releasePermission();
			Thread.currentThread().interrupt();
			throw new ModelException(name(), 0, Reason.INTERRUPTED, "interrupted while waiting for the answer", null, ex);
		}
		catch (ExecutionException ex) {
			// the limiter unwraps the call's own exception; this is one without a cause
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw new ModelException(name(), 0, Reason.FAILED, String.valueOf(ex.getMessage()), null, ex);
		}
		catch (RuntimeException ex) {
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		catch (Exception ex) {
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw new ModelException(name(), 0, Reason.FAILED, ex.getClass().getSimpleName() + ": " + ex.getMessage(), null,
					ex);
		}
	}

	/** The caller's task and agent ids stay on the log lines of the call's own thread. */
	private static <T> T withLogContext(Map<String, String> context, Supplier<T> call) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		try {
			return call.get();
		}
		finally {
			MDC.clear();
		}
	}

	private static void cancel(Future<?> call) {
		if (call != null) {
			call.cancel(true);
		}
	}
}
