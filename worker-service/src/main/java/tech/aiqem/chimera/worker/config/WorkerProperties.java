package tech.aiqem.chimera.worker.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The worker's settings.
 *
 * @param concurrency tasks worked at once by this process (with virtual threads, thousands are cheap)
 * @param consumers threads popping tasks, each with its own blocking Redis connection (at most {@code concurrency})
 * @param taskTimeout a task running longer is abandoned and retried (E2001, docs/architecture.md §11: 60 s)
 * @param maxAttempts attempts of a task before it is failed with E2001
 * @param popWait how long a consumer blocks on empty queues before looking again
 * @param shutdownGrace on shutdown, how long running tasks may finish before they are returned to the queue
 * @param maxReviewBacklog results waiting for the judges from which this worker takes no task until they catch up
 * (0: never hold back)
 */
@Validated
@ConfigurationProperties("chimera.worker")
public record WorkerProperties(@Min(1) @Max(4096) @DefaultValue("8") int concurrency,
		@Min(1) @Max(64) @DefaultValue("8") int consumers,
		@NotNull @DefaultValue("60s") Duration taskTimeout, @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
		@NotNull @DefaultValue("1s") Duration popWait, @NotNull @DefaultValue("20s") Duration shutdownGrace,
		@Min(0) @DefaultValue("1000") long maxReviewBacklog) {
}
