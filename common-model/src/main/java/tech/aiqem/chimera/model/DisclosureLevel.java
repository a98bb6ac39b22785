package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** AI disclosure level of a post (post_content, mcp-tools/README.md). */
public enum DisclosureLevel implements WireEnum {

	AUTOMATED("automated"),
	ASSISTED("assisted"),
	NONE("none");

	private final String wire;

	DisclosureLevel(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static DisclosureLevel of(String value) {
		return WireEnum.parse(DisclosureLevel.class, value);
	}
}
