package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Task priority; each has its own list {@code chimera:tasks:{priority}} served high before medium before low. */
public enum Priority implements WireEnum {

	HIGH("high"),
	MEDIUM("medium"),
	LOW("low");

	private final String wire;

	Priority(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The Redis list this priority's tasks are pushed to. */
	public String queueKey() {
		return RedisKeys.tasks(this);
	}

	@JsonCreator
	public static Priority of(String value) {
		return WireEnum.parse(Priority.class, value);
	}
}
