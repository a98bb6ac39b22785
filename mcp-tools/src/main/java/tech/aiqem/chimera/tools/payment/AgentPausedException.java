package tech.aiqem.chimera.tools.payment;

/**
 * The gateway made no payment because the agent was paused before anything was recorded; the payment
 * stays approved and the caller tries again once the agent is resumed.
 */
public class AgentPausedException extends RuntimeException {

	public AgentPausedException(String message) {
		super(message);
	}
}
