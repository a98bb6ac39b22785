package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Chimera's error codes and the action each one calls for (docs/architecture.md §11). */
public enum ErrorCode {

	E1001("Budget exceeded", "Pause campaign, notify operator"),
	E1002("MCP server unavailable", "Retry with backoff, escalate after 5 attempts"),
	E1003("Prompt injection detected", "Reject task, log incident"),
	E1004("State version conflict (OCC)", "Invalidate result, re-plan"),
	E1005("Wallet insufficient funds", "Pause financial tasks, notify operator"),
	E1006("Content safety violation", "Escalate to HITL, log for review"),
	E2001("Worker timeout (>60s)", "Kill worker, retry task"),
	E2002("Database connection lost", "Retry with circuit breaker");

	private final String description;

	private final String action;

	ErrorCode(String description, String action) {
		this.description = description;
		this.action = action;
	}

	public String description() {
		return this.description;
	}

	public String action() {
		return this.action;
	}

	@JsonValue
	public String code() {
		return name();
	}

	@JsonCreator
	public static ErrorCode of(String value) {
		for (ErrorCode code : values()) {
			if (code.name().equalsIgnoreCase(value)) {
				return code;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not a Chimera error code (E1001..E1006, E2001, E2002)");
	}
}
