package tech.aiqem.chimera.tools.image;

import java.util.Arrays;
import java.util.stream.Collectors;

/** generate_image's {@code aspect_ratio} enum with the pixel size the offline renderer draws. */
public enum AspectRatio {

	SQUARE("1:1", 1080, 1080), PORTRAIT("4:5", 1080, 1350), LANDSCAPE("16:9", 1280, 720);

	private final String wire;

	private final int width;

	private final int height;

	AspectRatio(String wire, int width, int height) {
		this.wire = wire;
		this.width = width;
		this.height = height;
	}

	public String wire() {
		return this.wire;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	public static AspectRatio of(String value) {
		for (AspectRatio ratio : values()) {
			if (ratio.wire.equals(value)) {
				return ratio;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not a valid aspect ratio; expected one of "
				+ Arrays.stream(values()).map(AspectRatio::wire).collect(Collectors.joining(", ")));
	}
}
