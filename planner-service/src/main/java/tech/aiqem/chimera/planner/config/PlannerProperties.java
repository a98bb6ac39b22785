package tech.aiqem.chimera.planner.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The planner's settings. Durations marked "campaign time" follow the shared clock (scaled in demos).
 *
 * @param planAhead how far ahead of a slot its task is planned (campaign time)
 * @param taskDeadline how long after its scheduled time a task should be done (campaign time)
 * @param maxSlotsPerStep the most slots planned for one campaign in one model call
 * @param dispatchBatch the most due tasks pushed to the queues in one transaction
 * @param dispatchThreads dispatch loops running at once (each claims its own batch with SKIP LOCKED)
 * @param dispatchMaxWaiting the most tasks left waiting in the priority lists: at that depth only high-priority
 * tasks are dispatched and the rest wait, durable, in PostgreSQL until workers have taken some (each loop reads
 * the depth before its claim, so the loops together may overshoot it by a batch each); the others are claimed again
 * once the lists have room for a batch (or for half the bound, when that is less)
 * @param interval how often the loops look for work when idle (real time)
 * @param mentionInterval how often each agent's mentions are read (campaign time)
 * @param repeatSimilarity a planned topic whose closest memory of the agent's last 7 days is at least this
 * similar (cosine, all-MiniLM-L6-v2: about 0.75 reads as "the same topic") counts as covered and is replaced
 */
@Validated
@ConfigurationProperties("chimera.planner")
public record PlannerProperties(@NotNull @DefaultValue("24h") Duration planAhead,
		@NotNull @DefaultValue("2h") Duration taskDeadline, @Min(1) @Max(200) @DefaultValue("24") int maxSlotsPerStep,
		@Min(1) @Max(5000) @DefaultValue("500") int dispatchBatch,
		@Min(1) @Max(16) @DefaultValue("1") int dispatchThreads, @Min(1) @DefaultValue("10000") int dispatchMaxWaiting,
		@NotNull @DefaultValue("500ms") Duration interval,
		@NotNull @DefaultValue("5m") Duration mentionInterval,
		@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.75") double repeatSimilarity) {
}
