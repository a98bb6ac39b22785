package tech.aiqem.chimera.gateway.offline;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tech.aiqem.chimera.gateway.ChatProvider;
import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.Purpose;
import tech.aiqem.chimera.model.ChimeraJson;

/**
 * The offline model. Deterministic: the same facts give the same answer. Persona-aware: it writes in
 * the persona's voice, on its topics, avoids its forbidden topics and judges against them. Its answers
 * say {@code "offline": true}. An optional latency (with jitter) makes it behave like a hosted model
 * for benchmarks, per role if wanted (a worker's model slower than a judge's); by default it answers at once.
 */
public final class OfflineModel implements ChatProvider {

	public static final String MODEL = "chimera-offline-1";

	private final Delay delay;

	private final Map<ModelRole, Delay> byRole;

	public OfflineModel(Duration latency, Duration jitter) {
		this(latency, jitter, Map.of());
	}

	/**
	 * @param latency how long each answer takes unless its role has its own delay
	 * @param jitter plus or minus this much, uniformly
	 * @param byRole delays of the roles that differ from the default
	 */
	public OfflineModel(Duration latency, Duration jitter, Map<ModelRole, Delay> byRole) {
		this.delay = new Delay(latency, jitter);
		this.byRole = Map.copyOf(byRole);
	}

	/** How long an answer to this role takes (before jitter). */
	public Delay delay(ModelRole role) {
		return this.byRole.getOrDefault(role, this.delay);
	}

	@Override
	public String name() {
		return "offline";
	}

	@Override
	public boolean offline() {
		return true;
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
		simulateLatency(delay(role));
		Map<String, Object> facts = prompt.facts();
		Map<String, Object> answer = switch (Purpose.of(facts.get(Purpose.KEY))) {
			case PLAN_POSTS -> OfflineAnswers.plan(facts);
			case WRITE_POST -> OfflineAnswers.post(facts, prompt.taskId());
			case WRITE_REPLY -> OfflineAnswers.reply(facts, prompt.taskId());
			case REVIEW_PAYMENT -> OfflineAnswers.payment(facts, prompt.taskId());
			case JUDGE_RESULT -> OfflineAnswers.judge(facts, prompt.taskId());
		};
		answer.put("offline", true);
		String text = ChimeraJson.write(answer);
		long input = estimateTokens(prompt.system()) + estimateTokens(prompt.user());
		return new ModelReply(text, name(), model == null ? MODEL : model, input, estimateTokens(text), BigDecimal.ZERO,
				Duration.ZERO, true);
	}

	private static void simulateLatency(Delay delay) {
		if (delay.latency().isZero() && delay.jitter().isZero()) {
			return;
		}
		long millis = delay.latency().toMillis();
		if (!delay.jitter().isZero()) {
			millis += ThreadLocalRandom.current().nextLong(-delay.jitter().toMillis(), delay.jitter().toMillis() + 1);
		}
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * A simulated answer time: {@code latency} plus or minus up to {@code jitter}.
	 *
	 * @param latency the mean time an answer takes
	 * @param jitter the most it varies either way
	 */
	public record Delay(Duration latency, Duration jitter) {

		public Delay {
			latency = latency == null ? Duration.ZERO : latency;
			jitter = jitter == null ? Duration.ZERO : jitter;
			if (latency.isNegative() || jitter.isNegative()) {
				throw new IllegalArgumentException("offline model latency and jitter must not be negative");
			}
		}
	}

	private static long estimateTokens(String text) {
		return text == null ? 0 : Math.max(1, text.length() / 4);
	}
}
