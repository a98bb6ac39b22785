package tech.aiqem.chimera.orchestrator.hitl;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reviewer's decision: {@code approved}, {@code rejected} or {@code edited} with the edited content. */
record DecisionRequest(@NotNull @Pattern(regexp = "approved|rejected|edited", message = "must be approved, rejected or edited") String decision,
		@Valid EditedContent editedContent, @Size(max = 2000) String comment) {

	record EditedContent(@Size(min = 1, max = 5000) String text) {
	}
}
