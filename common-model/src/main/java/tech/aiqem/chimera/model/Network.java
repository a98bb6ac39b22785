package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Networks send_payment can use (mcp-tools/README.md). */
public enum Network implements WireEnum {

	BASE("base"),
	ETHEREUM("ethereum");

	private final String wire;

	Network(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static Network of(String value) {
		return WireEnum.parse(Network.class, value);
	}
}
