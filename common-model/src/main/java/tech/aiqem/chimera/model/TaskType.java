package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of work the planner gives workers (docs/architecture.md §3 tasks.task_type). */
public enum TaskType implements WireEnum {

	CONTENT_GENERATION("content_generation"),
	REPLY_COMMENT("reply_comment"),
	EXECUTE_TRANSACTION("execute_transaction");

	private final String wire;

	TaskType(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static TaskType of(String value) {
		return WireEnum.parse(TaskType.class, value);
	}
}
