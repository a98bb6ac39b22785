package tech.aiqem.chimera.budget;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * @param defaultDailyUsd an agent's daily budget when it sets none (docs/architecture.md §13
 * {@code DEFAULT_DAILY_BUDGET_USD}, 100.00)
 */
@Validated
@ConfigurationProperties("chimera.budget")
public record BudgetProperties(
		@NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 6) @DefaultValue("100.00") BigDecimal defaultDailyUsd) {
}
