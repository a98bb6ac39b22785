package tech.aiqem.chimera.model;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a task; on the wire and in the database it is the bare UUID. */
public record TaskId(UUID value) {

	public TaskId {
		Objects.requireNonNull(value, "task id");
	}

	@JsonCreator
	public static TaskId of(String value) {
		return new TaskId(Ids.parse("task", value));
	}

	public static TaskId random() {
		return new TaskId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}
}
