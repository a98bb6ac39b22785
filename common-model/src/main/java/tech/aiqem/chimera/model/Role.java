package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Dashboard and API roles: admins manage keys and users, operators agents and campaigns, reviewers decide HITL items. */
public enum Role implements WireEnum {

	ADMIN("admin"),
	OPERATOR("operator"),
	REVIEWER("reviewer");

	private final String wire;

	Role(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static Role of(String value) {
		return WireEnum.parse(Role.class, value);
	}
}
