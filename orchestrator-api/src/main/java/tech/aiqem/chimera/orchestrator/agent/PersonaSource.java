package tech.aiqem.chimera.orchestrator.agent;

import tech.aiqem.chimera.model.persona.Persona;
import tech.aiqem.chimera.model.persona.SoulMarkdown;

/**
 * The persona file as stored. The planner, workers, judge and tools re-read {@code persona_source} on their
 * own, without the agent's name; a file that names no one (an OpenClaw SOUL.md leaves that to IDENTITY.md)
 * is stored under a {@code # Name} title so it reads the same everywhere.
 */
final class PersonaSource {

	private PersonaSource() {
	}

	static String named(String source, Persona persona, String agentName) {
		boolean unnamed = persona.warnings().stream().anyMatch(warning -> warning.startsWith("no name in the file"));
		if (!unnamed) {
			return source;
		}
		String titled = "# " + agentName.replaceAll("[\\r\\n]+", " ") + "\n\n" + source;
		// Read back now: what the API accepts, the services that re-read it must accept too.
		SoulMarkdown.parse(titled);
		return titled;
	}
}
