package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;

import tech.aiqem.chimera.infra.queue.Delivery;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.message.ResultMessage;

/**
 * A result with the judge's decision, ready to commit. {@code judgeCost} is what the judge model call
 * cost, counted against the agent's spend with the worker's.
 */
public record Judged(Delivery delivery, ResultMessage result, TaskState task, Kind kind, BigDecimal confidence,
		ErrorCode code, String reasoning, BigDecimal judgeCost) {

	public enum Kind {
		/** Already judged: acknowledge, change nothing. */
		DUPLICATE,
		/** The worker could not do it. */
		FAILED,
		/** Planned against a campaign state that has changed materially (E1004). */
		INVALIDATED,
		REJECTED, HUMAN_REVIEW, APPROVED
	}

	public Judged invalidated(String why) {
		return new Judged(this.delivery, this.result, this.task, Kind.INVALIDATED, this.confidence, ErrorCode.E1004,
				"invalidated: " + why, this.judgeCost);
	}

	public Judged against(TaskState current) {
		return new Judged(this.delivery, this.result, current, this.kind, this.confidence, this.code, this.reasoning,
				this.judgeCost);
	}

	public boolean writes() {
		return this.kind != Kind.DUPLICATE;
	}
}
