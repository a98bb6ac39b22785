package tech.aiqem.chimera.orchestrator.system;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * The orchestrator's settings.
 *
 * @param defaultDailyBudgetUsd an agent's daily budget when it sets none ({@code DEFAULT_DAILY_BUDGET_USD})
 * @param reviewDeadline how long a HITL item may wait before it escalates
 */
@Validated
@ConfigurationProperties("chimera.orchestrator")
public record OrchestratorProperties(@NotNull @DecimalMin("0") @DefaultValue("100.00") BigDecimal defaultDailyBudgetUsd,
		@NotNull @DefaultValue("4h") Duration reviewDeadline) {
}
