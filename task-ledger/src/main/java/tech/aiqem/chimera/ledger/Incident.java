package tech.aiqem.chimera.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * Something operators must see (injection attempts, budget and funds pauses, escalations, overdue
 * reviews). The tenant is required; the agent, campaign and task are what it concerns, when known.
 *
 * @param code the error code, or null for an incident that is not an error (kind says what it is)
 * @param kind {@code error} for coded incidents, or a kind such as {@code review_overdue}
 */
public record Incident(UUID tenant, UUID agent, UUID campaign, UUID task, ErrorCode code, String kind, String message,
		Map<String, ?> detail, Instant at) {

	/** The longest message stored; longer ones are cut. */
	public static final int MAX_MESSAGE = 2000;

	public Incident {
		if (tenant == null || message == null || at == null) {
			throw new IllegalArgumentException("an incident needs a tenant, a message and a time");
		}
		kind = kind == null ? "error" : kind;
		message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
	}

	/** A coded incident. */
	public static Incident of(ErrorCode code, UUID tenant, UUID agent, UUID campaign, UUID task, String message,
			Map<String, ?> detail, Instant at) {
		return new Incident(tenant, agent, campaign, task, code, null, message, detail, at);
	}
}
