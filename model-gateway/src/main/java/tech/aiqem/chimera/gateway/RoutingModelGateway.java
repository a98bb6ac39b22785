package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.gateway.ModelException.Reason;

/**
 * The {@link ModelGateway}: walks the role's provider chain; at each provider retries rate limits with
 * backoff (bounded), and moves on to the next provider on any other failure or when the retries run
 * out. Caps every request at {@code maxTokensPerRequest}, checks JSON answers, prices the answer and
 * records the meters.
 */
final class RoutingModelGateway implements ModelGateway {

	private static final Logger log = LoggerFactory.getLogger(RoutingModelGateway.class);

	/** One link of a chain: a provider and the model it is asked for in this role. */
	record Route(ChatProvider provider, String model) {

		@Override
		public String toString() {
			return this.provider.name() + "/" + this.model;
		}
	}

	private final Map<ModelRole, List<Route>> chains;

	private final int maxTokensPerRequest;

	private final RetryPolicy retry;

	private final PriceTable prices;

	private final ModelMetrics metrics;

	private final Sleeper sleeper;

	private final DoubleSupplier random;

	RoutingModelGateway(Map<ModelRole, List<Route>> chains, int maxTokensPerRequest, RetryPolicy retry,
			PriceTable prices, ModelMetrics metrics, Sleeper sleeper, DoubleSupplier random) {
		this.chains = Map.copyOf(chains);
		this.maxTokensPerRequest = maxTokensPerRequest;
		this.retry = retry;
		this.prices = prices;
		this.metrics = metrics;
		this.sleeper = sleeper;
		this.random = random;
	}

	/** The chain of a role, for start-up logs and tests. */
	List<Route> chain(ModelRole role) {
		return this.chains.get(role);
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt) {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(prompt, "prompt");
		int tokens = (prompt.maxTokens() == null) ? this.maxTokensPerRequest
				: Math.min(prompt.maxTokens(), this.maxTokensPerRequest);
		ModelPrompt capped = prompt.withMaxTokens(tokens);
		long start = System.nanoTime();
		List<Route> chain = this.chains.get(role);
		ModelException failure = null;
		for (int i = 0; i < chain.size(); i++) {
			Route route = chain.get(i);
			try {
				ModelReply reply = callWithRetries(role, route, capped);
				return account(role, route, reply, Duration.ofNanos(System.nanoTime() - start));
			}
			catch (ModelException ex) {
				if (failure != null) {
					ex.addSuppressed(failure);
				}
				failure = ex;
				if (ex.reason() == Reason.INTERRUPTED) {
					throw ex;
				}
				log.warn("{} call for task {} failed at {}: {}; {}", role.key(), prompt.taskId(), route,
						ex.getMessage(), (i + 1 < chain.size()) ? "falling back to " + chain.get(i + 1) : "no provider left");
			}
		}
		throw failure;
	}

	private ModelReply callWithRetries(ModelRole role, Route route, ModelPrompt prompt) {
		String provider = route.provider().name();
		for (int attempt = 0;; attempt++) {
			long start = System.nanoTime();
			try {
				ModelReply reply = route.provider().chat(role, prompt, route.model());
				String text = checked(route, reply, prompt);
				this.metrics.attempt(provider, role, ModelMetrics.SUCCESS, Duration.ofNanos(System.nanoTime() - start));
				return reply.withAccounting(text, reply.costUsd(), reply.latency());
			}
			catch (ModelException ex) {
				this.metrics.attempt(provider, role, ex.reason().tag(), Duration.ofNanos(System.nanoTime() - start));
				if (ex.reason() != Reason.RATE_LIMITED || attempt >= this.retry.maxRetries()) {
					throw ex;
				}
				Duration delay = this.retry.delay(attempt, ex.retryHint(), this.random.getAsDouble());
				log.info("{} rate-limited the {} call for task {}; retry {} of {} in {} ms", route, role.key(),
						prompt.taskId(), attempt + 1, this.retry.maxRetries(), delay.toMillis());
				pause(provider, delay);
			}
			catch (RuntimeException ex) {
				// a provider that broke its contract (threw something else): still only this provider's failure
				this.metrics.attempt(provider, role, Reason.FAILED.tag(), Duration.ofNanos(System.nanoTime() - start));
				throw new ModelException(provider, 0, Reason.FAILED,
						ex.getClass().getSimpleName() + ": " + ex.getMessage(), null, ex);
			}
		}
	}

	private String checked(Route route, ModelReply reply, ModelPrompt prompt) {
		if (!prompt.expectJson()) {
			return reply.text();
		}
		return JsonAnswer.extract(reply.text())
			.orElseThrow(() -> new ModelException(route.provider().name(), route.provider().offline() ? 0 : 200,
					Reason.MALFORMED, "JSON was asked for but the answer is not a JSON object or array"));
	}

	private void pause(String provider, Duration delay) {
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ModelException(provider, 429, Reason.INTERRUPTED, "interrupted while waiting to retry", null,
					ex);
		}
	}

	private ModelReply account(ModelRole role, Route route, ModelReply reply, Duration took) {
		BigDecimal cost = route.provider().offline() ? BigDecimal.ZERO.setScale(6)
				: this.prices.cost(route.provider().name(), route.model(), reply.inputTokens(), reply.outputTokens());
		ModelReply accounted = reply.withAccounting(reply.text(), cost, took);
		this.metrics.answered(accounted, role);
		return accounted;
	}
}
