package tech.aiqem.chimera.orchestrator.agent;

import java.time.Instant;
import java.util.List;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * The answer to {@code POST /v1/agents}; wallet_address is null when no wallet component is configured.
 *
 * @param warnings what the persona file lacks (no voice, no approved brands...): accepted, but the operator
 * should know
 */
record AgentCreated(AgentId agentId, String name, String status, String walletAddress, Instant createdAt,
		Persona persona, List<String> warnings) {
}
