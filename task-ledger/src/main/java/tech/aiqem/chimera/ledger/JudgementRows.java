package tech.aiqem.chimera.ledger;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TaskStatus;

/** The rows a judgement writes: its task row and, when escalated, its review item. */
final class JudgementRows {

	private JudgementRows() {
	}

	static MapSqlParameterSource task(Judgement item, Instant now) {
		TaskStatus status = item.outcome() == Judgement.Outcome.FAILED ? TaskStatus.FAILED : TaskStatus.REVIEW;
		boolean ended = status == TaskStatus.FAILED;
		boolean approved = item.outcome() == Judgement.Outcome.APPROVED;
		return new MapSqlParameterSource().addValue("status", status.wire())
			.addValue("result", item.result() == null ? null : ChimeraJson.write(item.result()))
			.addValue("confidence", item.confidence())
			.addValue("worker", item.worker())
			.addValue("picked", item.pickedAt() == null ? null : Timestamp.from(item.pickedAt()))
			.addValue("now", Timestamp.from(now))
			.addValue("code", item.code() == null ? null : item.code().name())
			.addValue("message", ended ? item.reasoning() : null)
			.addValue("completed", ended ? Timestamp.from(now) : null)
			.addValue("approvedBy", approved ? "judge" : null)
			.addValue("approvedAt", approved ? Timestamp.from(now) : null)
			.addValue("id", item.task());
	}

	static MapSqlParameterSource review(Judgement item, Instant now) {
		Judgement.ReviewItem review = item.review();
		return new MapSqlParameterSource().addValue("task", item.task())
			.addValue("tenant", item.tenant())
			.addValue("agent", item.agent())
			.addValue("content", ChimeraJson.write(review.content()))
			.addValue("confidence", item.confidence())
			.addValue("reasoning", review.reasoning())
			.addValue("code", review.code() == null ? null : review.code().name())
			.addValue("deadline", Timestamp.from(review.deadline()))
			.addValue("now", Timestamp.from(now))
			.addValue("findings", ChimeraJson.write(review.findings()));
	}
}
