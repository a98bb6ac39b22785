package tech.aiqem.chimera.orchestrator.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tenant's review queue looks like from afar: how many items wait, the newest one's arrival and
 * the last decision. Any arrival or decision changes it.
 */
record QueueState(long total, Instant newestCreatedAt, Instant lastDecidedAt) {

	Map<String, Object> event() {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("total", this.total);
		event.put("newest_created_at", this.newestCreatedAt);
		event.put("last_decided_at", this.lastDecidedAt);
		return event;
	}
}
