package tech.aiqem.chimera.gateway;

/**
 * The one way Chimera code talks to language models. Picks the providers of the role, retries and
 * falls back as needed, and reports what the call cost; recording that spend against a budget is the
 * caller's job.
 */
public interface ModelGateway {

	/**
	 * @throws ModelException when no provider of the role's chain produced a usable answer (the last
	 * failure, with the earlier ones suppressed)
	 */
	ModelReply chat(ModelRole role, ModelPrompt prompt);
}
