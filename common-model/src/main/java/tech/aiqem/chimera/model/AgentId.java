package tech.aiqem.chimera.model;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a agent; on the wire and in the database it is the bare UUID. */
public record AgentId(UUID value) {

	public AgentId {
		Objects.requireNonNull(value, "agent id");
	}

	@JsonCreator
	public static AgentId of(String value) {
		return new AgentId(Ids.parse("agent", value));
	}

	public static AgentId random() {
		return new AgentId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}
}
