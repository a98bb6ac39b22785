package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Agent lifecycle (docs/architecture.md §3 agents.status). */
public enum AgentStatus implements WireEnum {

	ACTIVE("active"),
	PAUSED("paused"),
	ERROR("error"),
	DELETED("deleted");

	private final String wire;

	AgentStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static AgentStatus of(String value) {
		return WireEnum.parse(AgentStatus.class, value);
	}
}
