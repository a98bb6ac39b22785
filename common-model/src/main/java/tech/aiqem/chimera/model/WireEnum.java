package tech.aiqem.chimera.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose JSON and database form is a lower-case word, as the specification writes it. */
public interface WireEnum {

	String wire();

	static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
		if (value == null) {
			throw new IllegalArgumentException(label(type) + " is required");
		}
		String wanted = value.trim().toLowerCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.wire().equals(wanted)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not a valid " + label(type) + "; expected one of "
				+ Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", ")));
	}

	private static String label(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}
}
