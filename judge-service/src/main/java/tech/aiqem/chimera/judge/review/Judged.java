package tech.aiqem.chimera.judge.review;

import java.math.BigDecimal;
import java.util.List;

import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.queue.Delivery;

/**
 * A result with the judge's decision, ready to commit. {@code judgeCost} is what the judge model call
 * cost, counted against the agent's spend with the worker's; {@code findings} say why, for the reviewer.
 */
public record Judged(Delivery delivery, ResultMessage result, TaskState task, Kind kind, BigDecimal confidence,
		ErrorCode code, String reasoning, BigDecimal judgeCost, List<Finding> findings) {

	public enum Kind {
		/** Already judged: acknowledge, change nothing. */
		DUPLICATE,
		/** The worker could not do it. */
		FAILED,
		/** Planned against a campaign state that has changed materially (E1004). */
		INVALIDATED,
		REJECTED, HUMAN_REVIEW, APPROVED
	}

	public Judged {
		findings = findings == null ? List.of() : List.copyOf(findings);
	}

	public Judged(Delivery delivery, ResultMessage result, TaskState task, Kind kind, BigDecimal confidence, ErrorCode code,
			String reasoning, BigDecimal judgeCost) {
		this(delivery, result, task, kind, confidence, code, reasoning, judgeCost, List.of());
	}

	public Judged invalidated(String why) {
		return new Judged(this.delivery, this.result, this.task, Kind.INVALIDATED, this.confidence, ErrorCode.E1004,
				"invalidated: " + why, this.judgeCost, this.findings);
	}

	public Judged against(TaskState current) {
		return new Judged(this.delivery, this.result, current, this.kind, this.confidence, this.code, this.reasoning,
				this.judgeCost, this.findings);
	}

	public boolean writes() {
		return this.kind != Kind.DUPLICATE;
	}
}
