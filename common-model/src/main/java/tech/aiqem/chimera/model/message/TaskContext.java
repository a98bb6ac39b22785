package tech.aiqem.chimera.model.message;

import java.util.List;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;

/**
 * What a worker needs to do a task (docs/architecture.md §5.1 context): the goal, the persona's rules and the
 * resources to read, plus what some task types carry: the target platform, the mention a reply
 * answers (untrusted), the payment an {@code execute_transaction} task makes, and the topic the
 * planner chose so that recent topics are not repeated.
 */
public record TaskContext(String goalDescription, List<String> personaConstraints, List<String> requiredResources,
		Platform platform, String topic, DisclosureLevel disclosureLevel, Mention mention, Payment payment) {

	public TaskContext {
		Checks.notBlank(goalDescription, "context.goal_description");
		personaConstraints = personaConstraints == null ? List.of() : List.copyOf(personaConstraints);
		requiredResources = requiredResources == null ? List.of() : List.copyOf(requiredResources);
	}

	public TaskContext(String goalDescription, List<String> personaConstraints, List<String> requiredResources) {
		this(goalDescription, personaConstraints, requiredResources, null, null, null, null, null);
	}

	/** True when the task started from third-party text, which may never pay without a human. */
	public boolean fromThirdParty() {
		return this.mention != null;
	}
}
