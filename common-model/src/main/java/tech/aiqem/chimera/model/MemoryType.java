package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of semantic memory (agent-memory/README.md, AgentMemory.memoryType). */
public enum MemoryType implements WireEnum {

	CONVERSATION("conversation"),
	LEARNING("learning"),
	PERSONA_UPDATE("persona_update");

	private final String wire;

	MemoryType(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static MemoryType of(String value) {
		return WireEnum.parse(MemoryType.class, value);
	}
}
