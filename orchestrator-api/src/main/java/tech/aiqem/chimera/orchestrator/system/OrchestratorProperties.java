package tech.aiqem.chimera.orchestrator.system;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The orchestrator's settings.
 *
 * @param defaultDailyBudgetUsd an agent's daily budget when it sets none ({@code DEFAULT_DAILY_BUDGET_USD})
 * @param auth the first administrator, created when the database has no user
 * @param limits request body size and rate limits
 */
@Validated
@ConfigurationProperties("chimera.orchestrator")
public record OrchestratorProperties(@NotNull @DecimalMin("0") @DefaultValue("100.00") BigDecimal defaultDailyBudgetUsd,
		@Valid @NotNull @DefaultValue Auth auth,
		@Valid @NotNull @DefaultValue Limits limits) {

	/**
	 * The bootstrap administrator. The password carries no validation annotation on purpose: a failed
	 * binding prints the rejected value, and this one is a secret (it is checked in code instead).
	 *
	 * @param adminEmail {@code CHIMERA_ADMIN_EMAIL}
	 * @param adminPassword {@code CHIMERA_ADMIN_PASSWORD}; blank = create no user
	 */
	public record Auth(@NotBlank @Email @DefaultValue("admin@chimera.local") String adminEmail, String adminPassword) {

		@Override
		public String toString() {
			return "Auth[adminEmail=" + this.adminEmail + ", adminPassword=" + (this.adminPassword == null
					|| this.adminPassword.isEmpty() ? "<unset>" : "[redacted]") + "]";
		}
	}

	/**
	 * @param maxBody the largest request body accepted ({@code CHIMERA_MAX_BODY}); larger gets 413
	 * @param rateLimit per-credential request rates
	 */
	public record Limits(@NotNull @DefaultValue("1MB") DataSize maxBody, @Valid @NotNull @DefaultValue RateLimit rateLimit) {
	}

	/**
	 * A token bucket per API key, per user and (for log-ins) per client address, kept in Redis so every
	 * orchestrator instance shares it.
	 *
	 * @param enabled {@code CHIMERA_RATE_LIMIT_ENABLED}
	 * @param requestsPerMinute sustained rate per API key or user ({@code CHIMERA_RATE_LIMIT_PER_MINUTE})
	 * @param burst how many requests may come at once ({@code CHIMERA_RATE_LIMIT_BURST})
	 * @param loginsPerMinute log-in attempts per client address ({@code CHIMERA_LOGIN_RATE_PER_MINUTE})
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @Min(1) @DefaultValue("600") int requestsPerMinute,
			@Min(1) @DefaultValue("100") int burst, @Min(1) @DefaultValue("10") int loginsPerMinute) {
	}
}
