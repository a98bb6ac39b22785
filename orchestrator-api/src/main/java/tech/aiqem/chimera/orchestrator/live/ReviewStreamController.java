package tech.aiqem.chimera.orchestrator.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
class ReviewStreamController {

	private final ReviewStream stream;

	ReviewStreamController(ReviewStream stream) {
		this.stream = stream;
	}

	@Operation(summary = "Server-sent events: the review queue of this tenant changed",
			description = "Event 'queue' with {total, newest_created_at, last_decided_at}: sent at once, then whenever a review"
					+ " arrives or is decided. Refetch GET /v1/hitl/queue on each. Ends after 5 minutes; EventSource reconnects.")
	@ApiResponse(responseCode = "200", description = "a stream of 'queue' events, each data line one QueueState",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = QueueState.class)))
	@GetMapping(path = "/v1/hitl/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(CurrentTenant tenant) {
		return this.stream.open(tenant.id());
	}
}
