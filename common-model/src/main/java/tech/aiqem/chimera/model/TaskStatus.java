package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Task lifecycle as constrained by the tasks table (docs/architecture.md §6). */
public enum TaskStatus implements WireEnum {

	PENDING("pending"),
	IN_PROGRESS("in_progress"),
	REVIEW("review"),
	COMPLETE("complete"),
	FAILED("failed");

	private final String wire;

	TaskStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static TaskStatus of(String value) {
		return WireEnum.parse(TaskStatus.class, value);
	}
}
