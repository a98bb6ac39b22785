package tech.aiqem.chimera.judge.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The judge's settings ({@code HITL_CONFIDENCE_THRESHOLD}, {@code HITL_AUTO_APPROVE}; docs/architecture.md §13).
 *
 * @param hitlConfidenceThreshold results at or above it are approved without a human
 * @param hitlAutoApprove when false every result goes to a human
 * @param reviewDeadline how long a HITL item may wait before it escalates
 * @param batchSize results judged and committed in one transaction
 * @param modelConcurrency judge-model calls in flight at once
 * @param occRetries commit retries of a result whose campaign changed harmlessly meanwhile
 * @param blocklist terms no published text may contain (escalated to a human, E1006)
 * @param popWait how long the intake blocks on empty review lists
 * @param publishAttempts attempts of an approved action before it fails (E1002)
 * @param publishThreads publisher loops at once, each claiming a batch, performing it and writing its outcomes
 * @param publishLease real time a claimed outbox action stays with its publisher: longer than a batch's tool
 * calls with their retries; when a publisher dies, its actions are taken up again after it
 * @param linkAllowList hosts a published link may point to without a human (subdomains included)
 * @param publishBatch outbox actions a publisher loop claims at once
 * @param publishConcurrency publisher tool calls in flight at once, all loops together
 */
@Validated
@ConfigurationProperties("chimera.judge")
public record JudgeProperties(
		@NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") BigDecimal hitlConfidenceThreshold,
		@DefaultValue("true") boolean hitlAutoApprove, @NotNull @DefaultValue("4h") Duration reviewDeadline,
		@Min(1) @Max(1000) @DefaultValue("100") int batchSize, @Min(1) @Max(1024) @DefaultValue("8") int modelConcurrency,
		@Min(0) @Max(50) @DefaultValue("8") int occRetries, @NotNull @DefaultValue List<String> blocklist,
		@NotNull @DefaultValue("1s") Duration popWait, @Min(1) @Max(100) @DefaultValue("10") int publishAttempts,
		@Min(1) @Max(64) @DefaultValue("2") int publishThreads, @NotNull @DefaultValue List<String> linkAllowList,
		@NotNull @DefaultValue("3m") Duration publishLease, @Min(1) @Max(1000) @DefaultValue("64") int publishBatch,
		@Min(1) @Max(1024) @DefaultValue("32") int publishConcurrency) {
}
