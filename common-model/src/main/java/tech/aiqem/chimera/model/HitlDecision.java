package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A human reviewer's decision on a HITL item (docs/architecture.md §3 hitl_reviews.decision). */
public enum HitlDecision implements WireEnum {

	APPROVED("approved"),
	REJECTED("rejected"),
	EDITED("edited");

	private final String wire;

	HitlDecision(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static HitlDecision of(String value) {
		return WireEnum.parse(HitlDecision.class, value);
	}
}
