package tech.aiqem.chimera.orchestrator.agent;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/agents} (docs/architecture.md §12.1): the persona file is a base64-encoded SOUL.md. */
record CreateAgentRequest(@NotBlank @Size(max = 255) String name,
		@NotBlank(message = "must be a base64-encoded SOUL.md") @Size(max = 100_000) String personaFile,
		@Valid @Size(max = 3) Map<@Pattern(regexp = "twitter|instagram|threads", message = "must be twitter, instagram or threads") String, @Valid SocialAccount> socialAccounts,
		@Valid Budget budget) {

	record SocialAccount(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.]{1,100}", message = "must be a handle of letters, digits, '_' or '.'") String username) {
	}

	record Budget(@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal dailyUsd,
			@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal totalUsd) {
	}
}
