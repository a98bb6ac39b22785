package tech.aiqem.chimera.tools.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** generate_image's {@code style} enum. */
public enum ImageStyle {

	REALISTIC, ANIME, ARTISTIC;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ImageStyle of(String value) {
		for (ImageStyle style : values()) {
			if (style.wire().equals(value)) {
				return style;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not a valid style; expected one of "
				+ Arrays.stream(values()).map(ImageStyle::wire).collect(Collectors.joining(", ")));
	}
}
