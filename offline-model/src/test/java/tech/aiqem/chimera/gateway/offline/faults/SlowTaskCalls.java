package tech.aiqem.chimera.gateway.offline.faults;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import tech.aiqem.chimera.gateway.ChatProvider;
import tech.aiqem.chimera.gateway.ModelPrompt;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.gateway.ModelRole;
import tech.aiqem.chimera.gateway.Purpose;

/**
 * The fault suite's slow model (docs/faults.md): a share of the calls that work a task (writing a post or a
 * reply) hang for {@code slowLatency}, as a stuck hosted model would, so that the worker's task timeout
 * (E2001) is exercised. Every other call, and every call not picked, goes straight to the model it wraps.
 */
public final class SlowTaskCalls implements ChatProvider {

	private final ChatProvider model;

	private final double slowShare;

	private final Duration slowLatency;

	/**
	 * @param slowShare the share (0..1) of task-working calls that take {@code slowLatency}
	 * @param slowLatency how long such a slow call takes
	 */
	public SlowTaskCalls(ChatProvider model, double slowShare, Duration slowLatency) {
		if (slowShare < 0 || slowShare > 1) {
			throw new IllegalArgumentException("slow share must be between 0 and 1, got " + slowShare);
		}
		this.model = model;
		this.slowShare = slowShare;
		this.slowLatency = slowLatency == null ? Duration.ZERO : slowLatency;
	}

	@Override
	public String name() {
		return this.model.name();
	}

	@Override
	public boolean offline() {
		return this.model.offline();
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
		Object purpose = prompt.facts().get(Purpose.KEY);
		if (purpose != null && (Purpose.of(purpose) == Purpose.WRITE_POST || Purpose.of(purpose) == Purpose.WRITE_REPLY)) {
			hangNowAndThen();
		}
		return this.model.chat(role, prompt, model);
	}

	/** Now and then a call hangs far longer than a task may take. */
	private void hangNowAndThen() {
		if (this.slowShare <= 0 || this.slowLatency.isZero() || ThreadLocalRandom.current().nextDouble() >= this.slowShare) {
			return;
		}
		try {
			Thread.sleep(this.slowLatency.toMillis());
		}
		catch (InterruptedException ex) {
			// The worker abandoned the task (E2001): stop here.
			Thread.currentThread().interrupt();
			throw new IllegalStateException("slow model call interrupted");
		}
	}
}
