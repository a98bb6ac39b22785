package tech.aiqem.chimera.gateway;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;

import tech.aiqem.chimera.gateway.ModelException.Reason;

/**
 * A hosted provider behind its circuit breaker and time limiter. The time limit bounds the whole call: the
 * HTTP timeout only covers the wait for the response headers, so a provider that starts an answer and stalls
 * would otherwise hold the task until the worker gives it up. An open breaker fails the call at once with
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
		try {
			ModelReply reply = this.limiter.executeFutureSupplier(() -> {
				call.set(this.calls.submit(() -> this.delegate.chat(role, prompt, model)));
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

	private static void cancel(Future<?> call) {
		if (call != null) {
			call.cancel(true);
		}
	}
}
