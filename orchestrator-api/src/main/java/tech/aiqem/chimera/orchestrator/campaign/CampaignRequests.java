package tech.aiqem.chimera.orchestrator.campaign;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class CampaignRequests {

	private CampaignRequests() {
	}

	/** The body of {@code POST /v1/campaigns} (docs/architecture.md §12.1). */
	record Create(@NotNull UUID agentId, @NotBlank @Size(max = 255) String name,
			@NotBlank @Size(max = 4000) String goals, @Size(max = 4000) String description,
			@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal budgetDailyUsd,
			@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal budgetTotalUsd,
			@NotNull @Min(1) @Max(365) Integer durationDays) {
	}

	/** An edit: goals (a new goals revision: results planned against the old goals are invalidated), name, budget. */
	record Update(@Size(min = 1, max = 255) String name, @Size(min = 1, max = 4000) String goals,
			@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal budgetDailyUsd,
			@DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 8, fraction = 2) BigDecimal budgetTotalUsd) {
	}
}
