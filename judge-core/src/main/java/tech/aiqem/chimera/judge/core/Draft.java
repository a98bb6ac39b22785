package tech.aiqem.chimera.judge.core;

import java.util.Set;

import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * What the checks look at: a worker's result for a task of an agent with this persona.
 *
 * @param blocklist terms no published text may contain (operator setting)
 * @param allowedLinkHosts hosts an outbound link may point to without a human (the agent's allow-list)
 */
public record Draft(TaskType type, TaskContext context, ResultMessage result, Persona persona, Set<String> blocklist,
		Set<String> allowedLinkHosts) {

	public Draft {
		blocklist = blocklist == null ? Set.of() : Set.copyOf(blocklist);
		allowedLinkHosts = allowedLinkHosts == null ? Set.of() : Set.copyOf(allowedLinkHosts);
	}

	/** The text to publish; empty when there is none. */
	public String text() {
		String text = this.result.result() == null ? null : this.result.result().text();
		return text == null ? "" : text;
	}

	/** Whether the result is meant to be sponsored content: its task's goal says so (the campaign's brief). */
	public boolean sponsored() {
		String goal = this.context.goalDescription().toLowerCase(java.util.Locale.ROOT);
		return goal.contains("sponsored") || goal.contains("paid partnership") || goal.contains("#ad ");
	}
}
