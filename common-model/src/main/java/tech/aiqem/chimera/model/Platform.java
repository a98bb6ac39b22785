package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Social platforms post_content can target (mcp-tools/README.md). */
public enum Platform implements WireEnum {

	TWITTER("twitter"),
	INSTAGRAM("instagram"),
	THREADS("threads");

	private final String wire;

	Platform(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	@JsonCreator
	public static Platform of(String value) {
		return WireEnum.parse(Platform.class, value);
	}
}
