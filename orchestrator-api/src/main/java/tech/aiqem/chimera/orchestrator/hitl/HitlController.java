package tech.aiqem.chimera.orchestrator.hitl;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
@RequestMapping("/v1/hitl")
class HitlController {

	private final HitlReviews reviews;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** Review deadlines are a human's SLA, in real time even when campaign time runs faster. */
	private final RealTime realTime;

	HitlController(HitlReviews reviews, TransactionTemplate transactions, Clock clock, RealTime realTime) {
		this.reviews = reviews;
		this.transactions = transactions;
		this.clock = clock;
		this.realTime = realTime;
	}

	/** {@code GET /v1/hitl/queue} (docs/architecture.md §12.1): pending reviews, oldest first. */
	@Operation(summary = "Pending human reviews, oldest first", description = "total counts them all; items holds up to limit.")
	@GetMapping("/queue")
	ReviewQueue queue(CurrentTenant tenant, @RequestParam(name = "agent_id", required = false) UUID agentId,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw ApiException.invalid("limit", "must be between 1 and 500");
		}
		List<HitlReviews.PendingReview> items = this.reviews.pending(tenant.id(), agentId, limit, this.realTime.now());
		return new ReviewQueue(this.reviews.pendingCount(tenant.id(), agentId), items);
	}

	@Operation(summary = "Approve, edit or reject a pending review",
			description = "An approval or an edit queues the publication (or the payment); a rejection fails the task.")
	@PostMapping("/{reviewId}/decision")
	Decided decide(CurrentTenant tenant, @PathVariable UUID reviewId,
			@Valid @RequestBody DecisionRequest request) {
		String edited = request.editedContent() == null ? null : request.editedContent().text();
		if ("edited".equals(request.decision()) && (edited == null || edited.isBlank())) {
			throw ApiException.invalid("edited_content.text", "is required when the decision is edited");
		}
		if (!"edited".equals(request.decision()) && edited != null) {
			throw ApiException.invalid("edited_content", "is only allowed when the decision is edited");
		}
		HitlReviews.Review review = this.reviews.find(tenant.id(), reviewId)
			.orElseThrow(() -> ApiException.notFound("review", reviewId));
		if (review.decision() != null) {
			throw ApiException.conflict("review " + reviewId + " was already decided: " + review.decision());
		}
		Publication publication = null;
		if (!"rejected".equals(request.decision())) {
			publication = publication(review, edited);
		}
		Instant now = this.clock.instant();
		Publication approved = publication;
		boolean decided = Boolean.TRUE.equals(this.transactions.execute(status -> {
			if (!this.reviews.decide(tenant.id(), reviewId, request.decision(), edited, tenant.actor(), now)) {
				return false;
			}
			if (approved != null) {
				this.reviews.approveTask(review, approved, tenant.id(), now);
			}
			else {
				this.reviews.rejectTask(review, tenant.actor(), now);
			}
			this.reviews.bumpCampaign(review.campaignId(), now);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("decision", request.decision());
			detail.put("review_id", reviewId);
			if (request.comment() != null) {
				detail.put("comment", request.comment());
			}
			this.reviews.event(review.taskId(), "reviewed", tenant.actor(), detail, now);
			return true;
		}));
		if (!decided) {
			throw ApiException.conflict("review " + reviewId + " was already decided");
		}
		return new Decided(reviewId, review.taskId(), request.decision(), tenant.actor(), now,
				approved == null ? "none" : "queued");
	}

	record ReviewQueue(long total, List<HitlReviews.PendingReview> items) {
	}

	/** @param publication queued when the decision publishes (or pays), none for a rejection */
	record Decided(UUID reviewId, UUID taskId, String decision, String reviewedBy, Instant reviewedAt,
			@Schema(allowableValues = { "queued", "none" }) String publication) {
	}

	/** What an approval publishes: the result as proposed, or with the reviewer's text, which must keep to the persona. */
	private Publication publication(HitlReviews.Review review, String editedText) {
		TaskOutput output = ChimeraJson.read(review.resultJson(), TaskOutput.class);
		if ("execute_transaction".equals(review.taskType())) {
			if (editedText != null) {
				throw ApiException.invalid("decision", "a payment can be approved or rejected, not edited");
			}
			if (output.payment() == null) {
				throw ApiException.conflict("the task's result holds no payment to approve");
			}
			return Publication.pay(output.payment());
		}
		String text = editedText != null ? editedText.strip() : output.text();
		if (editedText != null) {
			Persona persona = SoulMarkdown.parse(review.personaSource());
			String forbidden = persona.forbiddenTopicIn(text);
			if (forbidden != null) {
				throw ApiException.invalid("edited_content.text", "touches the persona's forbidden topic '" + forbidden + "'");
			}
		}
		return Publication.post(output, text);
	}

}
