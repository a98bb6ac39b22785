package tech.aiqem.chimera.model;

import java.time.LocalDate;
import java.util.List;

/** Every Redis key Chimera uses (docs/architecture.md §4); no service spells a key by hand. */
public final class RedisKeys {

	public static final String PREFIX = "chimera:";

	/** Agents with results waiting in their review list; lets the judge avoid polling every agent's key. */
	public static final String REVIEW_READY = "chimera:review:ready";

	/**
	 * Results waiting in the review lists, as a judge last counted them; it expires when no judge renews it.
	 * Workers read it to hold back while the judges are behind.
	 */
	public static final String REVIEW_BACKLOG = "chimera:review:backlog";

	/** Notification list of new HITL review ids; PostgreSQL is the truth. */
	public static final String HITL = "chimera:hitl";


	/** Set of consumer ids that hold processing lists. */
	public static final String CONSUMERS = "chimera:consumers";

	/**
	 * Leases of popped messages: a sorted set of {@code source|processing list|payload} scored by the
	 * Redis time (ms) at which the message goes back to its source unless acknowledged.
	 */
	public static final String LEASES = "chimera:leases";

	private RedisKeys() {
	}

	public static String tasks(Priority priority) {
		return PREFIX + "tasks:" + priority.wire();
	}

	/** The task lists in the order workers serve them. */
	public static List<String> taskQueues() {
		return List.of(tasks(Priority.HIGH), tasks(Priority.MEDIUM), tasks(Priority.LOW));
	}

	public static String review(AgentId agentId) {
		return PREFIX + "review:" + agentId;
	}

	public static String spend(AgentId agentId, LocalDate day) {
		return PREFIX + "spend:" + agentId + ":" + day;
	}

	/** An agent's spend over all days: a cache of {@code spend_ledger}, rebuilt from it when missing. */
	public static String spendTotal(AgentId agentId) {
		return PREFIX + "spend:" + agentId + ":total";
	}

	/** A campaign's spend on one day, next to the agent's daily tracker. */
	public static String campaignSpend(CampaignId campaignId, LocalDate day) {
		return PREFIX + "spend:campaign:" + campaignId + ":" + day;
	}

	/** A campaign's spend over all days: a cache of {@code spend_ledger}, rebuilt from it when missing. */
	public static String campaignSpendTotal(CampaignId campaignId) {
		return PREFIX + "spend:campaign:" + campaignId + ":total";
	}

	/** Marks a spend (by its idempotency ref) as counted in the trackers, so a retry is not counted twice. */
	public static String spendRef(String ref) {
		return PREFIX + "spend:ref:" + ref;
	}

	public static String shortMemory(AgentId agentId) {
		return PREFIX + "memory:short:" + agentId;
	}

	/** Dead-letter list of a queue: malformed messages land here with their reason, never dropped. */
	public static String dead(String queueKey) {
		return PREFIX + "dead:" + strip(queueKey);
	}

	/** A consumer's processing list for one source queue. */
	public static String processing(String consumerId, String queueKey) {
		return PREFIX + "processing:" + consumerId + ":" + strip(queueKey);
	}

	/** The set of source queues a consumer has processing lists for. */
	public static String consumerSources(String consumerId) {
		return PREFIX + "consumer:" + consumerId + ":sources";
	}

	/** A consumer's heartbeat; when it expires the reaper returns the consumer's messages. */
	public static String heartbeat(String consumerId) {
		return PREFIX + "consumer:" + consumerId + ":alive";
	}

	/** Wakes blocked consumers of a group of queues when something is pushed. */
	public static String signal(String group) {
		return PREFIX + "signal:" + group;
	}

	private static String strip(String queueKey) {
		return queueKey.startsWith(PREFIX) ? queueKey.substring(PREFIX.length()) : queueKey;
	}

	/** A token bucket of the API's rate limit: {@code subject} is {@code key:<id>}, {@code user:<id>} or {@code login:<address>}. */
	public static String rateLimit(String subject) {
		return PREFIX + "ratelimit:" + subject;
	}
}
