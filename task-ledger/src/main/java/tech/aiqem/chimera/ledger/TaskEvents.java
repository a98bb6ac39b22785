package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task's history ({@code task_events}): the transitions record their own events; this port is for what
 * happens to a task without changing its state (a redelivery ignored, a review opened, a reviewer's
 * decision).
 */
public interface TaskEvents {

	void record(UUID task, String event, String actor, Map<String, ?> detail, Instant at);
}
