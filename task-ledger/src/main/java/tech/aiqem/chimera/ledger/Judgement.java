package tech.aiqem.chimera.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * What the judge decided about one result, as the ledger writes it.
 *
 * @param outcome approved (to the outbox), human review (to the queue) or failed (rejected, invalid)
 * @param publication the approved action; only for {@link Outcome#APPROVED}
 * @param review the review item; only for {@link Outcome#HUMAN_REVIEW}
 * @param incident told to operators with the outcome, or null
 * @param judgedDetail the {@code judged} event's detail (outcome, confidence, reasoning, findings)
 */
public record Judgement(UUID task, UUID tenant, UUID agent, UUID campaign, Outcome outcome, TaskOutput result,
		BigDecimal confidence, String worker, Instant pickedAt, ErrorCode code, String reasoning,
		Map<String, Object> judgedDetail, Publication publication, ReviewItem review, Incident incident) {

	public Judgement {
		if ((outcome == Outcome.APPROVED) != (publication != null)) {
			throw new IllegalArgumentException("an approved judgement, and only one, carries its publication");
		}
		if ((outcome == Outcome.HUMAN_REVIEW) != (review != null)) {
			throw new IllegalArgumentException("a judgement for human review, and only one, carries its review item");
		}
	}

	/** Where a judged task goes. */
	public enum Outcome {

		/** Approved by the judge: {@code review} with {@code approved_by = judge}, action in the outbox. */
		APPROVED,

		/** Escalated: {@code review} with an item in the human review queue. */
		HUMAN_REVIEW,

		/** Rejected or unusable: {@code failed}. */
		FAILED
	}

	/** An item of the human review queue: what a reviewer sees and until when. */
	public record ReviewItem(Map<String, Object> content, String reasoning, ErrorCode code, Instant deadline,
			List<?> findings) {
	}
}
