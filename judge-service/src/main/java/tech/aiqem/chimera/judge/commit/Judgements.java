package tech.aiqem.chimera.judge.commit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tech.aiqem.chimera.judge.core.FindingsWire;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.ledger.Incident;
import tech.aiqem.chimera.ledger.Judgement;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.model.message.TaskOutput;

/**
 * The judge's decision in the ledger's terms: where the task goes, the action an approval puts in the
 * outbox, what a reviewer is shown, and the incident operators are told of.
 */
final class Judgements {

	private Judgements() {
	}

	/** @param deadline when a human review is due (real time: a reviewer's SLA) */
	static Judgement of(Judged item, Instant deadline, Instant now) {
		Judgement.Outcome outcome = switch (item.kind()) {
			case APPROVED -> Judgement.Outcome.APPROVED;
			case HUMAN_REVIEW -> Judgement.Outcome.HUMAN_REVIEW;
			default -> Judgement.Outcome.FAILED;
		};
		TaskOutput output = item.result().result();
		Publication publication = outcome == Judgement.Outcome.APPROVED ? publication(output) : null;
		Judgement.ReviewItem review = outcome == Judgement.Outcome.HUMAN_REVIEW
				? new Judgement.ReviewItem(reviewContent(item), item.reasoning(), item.code(), deadline,
						FindingsWire.of(item.findings()))
				: null;
		return new Judgement(item.task().taskId(), item.task().tenantId(), item.task().agentId(), item.task().campaignId(),
				outcome, output, item.confidence(), item.result().workerId(), item.result().pickedAt(), item.code(),
				item.reasoning(), judgedDetail(item), publication, review, incident(item, now));
	}

	private static Publication publication(TaskOutput output) {
		return output.payment() != null ? Publication.pay(output.payment()) : Publication.post(output, output.text());
	}

	private static Map<String, Object> reviewContent(Judged item) {
		TaskOutput output = item.result().result();
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("text", output.text());
		content.put("image_url", output.mediaUrl());
		content.put("platform", output.platform() == null ? null : output.platform().wire());
		content.put("content_type", output.contentType());
		if (output.payment() != null) {
			content.put("payment", output.payment());
		}
		if (item.task().context().mention() != null) {
			content.put("in_reply_to", item.task().context().mention());
		}
		return content;
	}

	/** Operators hear of every coded outcome that is not an approval. */
	private static Incident incident(Judged item, Instant now) {
		if (item.code() == null) {
			return null;
		}
		String what = switch (item.kind()) {
			case HUMAN_REVIEW -> "Escalated to a human: ";
			case REJECTED -> "Rejected: ";
			case FAILED -> "Task failed: ";
			default -> null;
		};
		if (what == null) {
			return null;
		}
		return Incident.of(item.code(), item.task().tenantId(), item.task().agentId(), item.task().campaignId(),
				item.task().taskId(), what + item.reasoning(), null, now);
	}

	static Map<String, Object> judgedDetail(Judged item) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("outcome", item.kind().name().toLowerCase());
		detail.put("confidence", item.confidence());
		detail.put("reasoning", item.reasoning());
		detail.put("worker", item.result().workerId());
		detail.put("tool_calls", item.result().toolCallsOrEmpty());
		if (item.code() != null) {
			detail.put("code", item.code().name());
		}
		if (!item.findings().isEmpty()) {
			detail.put("findings", FindingsWire.of(item.findings()));
		}
		return detail;
	}
}
