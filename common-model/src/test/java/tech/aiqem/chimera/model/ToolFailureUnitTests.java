package tech.aiqem.chimera.model;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ToolFailureUnitTests {

	@Test
	void aFailureCrossesTheWireAsDataAndComesBackTheSame() {
		ToolFailure sent = new ToolFailure(ToolFailure.Reason.RETRY_LATER, null, "post_content: not yet",
				Instant.parse("2026-03-01T10:00:00Z"));
		Map<String, Object> wire = sent.toStructured();
		assertThat(wire).containsEntry("error", "retry_later").containsEntry("retry_at", "2026-03-01T10:00:00Z")
			.doesNotContainKey("code");
		assertThat(ToolFailure.fromStructured(wire, "fallback")).isEqualTo(sent);
	}

	@Test
	void aCodedFailureNamesItsReasonFromTheCode() {
		assertThat(ToolFailure.of(ErrorCode.E1005, "no funds").reason()).isEqualTo(ToolFailure.Reason.INSUFFICIENT_FUNDS);
		assertThat(ToolFailure.of(ErrorCode.E1001, "over budget").toStructured()).containsEntry("error", "budget_exceeded")
			.containsEntry("code", "E1001");
		ToolFailure store = ToolFailure.fromStructured(ToolFailure.of(ErrorCode.E2002, "db away").toStructured(), "x");
		assertThat(store.code()).isEqualTo(ErrorCode.E2002);
		assertThat(store.transientFailure()).isTrue();
		assertThat(ToolFailure.of(ErrorCode.E1005, "no funds").transientFailure()).isFalse();
	}

	@Test
	void aReasonFromANewerServerIsUnknownNotAnError() {
		ToolFailure failure = ToolFailure.fromStructured(Map.of("error", "quantum_flux"), "post_content failed");
		assertThat(failure.reason()).isEqualTo(ToolFailure.Reason.UNKNOWN);
		assertThat(failure.message()).isEqualTo("post_content failed");
		assertThat(failure.transientFailure()).isFalse();
	}

	@Test
	void aFailureNeedsAReasonAndAMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolFailure(null, null, "x", null));
		assertThatIllegalArgumentException().isThrownBy(() -> ToolFailure.of(ToolFailure.Reason.INTERNAL, null));
	}
}
