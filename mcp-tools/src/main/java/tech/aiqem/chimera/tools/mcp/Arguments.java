package tech.aiqem.chimera.tools.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A tool call's arguments, read with messages that name the argument and say what was expected. */
public final class Arguments {

	private final String tool;

	private final Map<String, Object> values;

	public Arguments(String tool, Map<String, Object> values) {
		this.tool = tool;
		this.values = values == null ? Map.of() : values;
	}

	public String requiredString(String name) {
		String value = optionalString(name);
		if (value == null || value.isBlank()) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" is required and must be a non-empty string");
		}
		return value;
	}

	public String optionalString(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" must be a string, got " + describe(value));
		}
		return text;
	}

	/** An enum argument; {@code parse} is the enum's wire parser, whose message lists the allowed values. */
	public <E> E optionalEnum(String name, Function<String, E> parse, E fallback) {
		String value = optionalString(name);
		if (value == null) {
			return fallback;
		}
		try {
			return parse.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\": " + ex.getMessage());
		}
	}

	public <E> E requiredEnum(String name, Function<String, E> parse) {
		E value = optionalEnum(name, parse, null);
		if (value == null) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" is required");
		}
		return value;
	}

	public List<String> stringList(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> items)) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" must be an array of strings, got " + describe(value));
		}
		List<String> strings = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof String text) || text.isBlank()) {
				throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" must contain only non-empty strings, got "
						+ describe(item));
			}
			strings.add(text);
		}
		return strings;
	}

	public BigDecimal requiredNumber(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" is required and must be a number");
		}
		if (!(value instanceof Number number)) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" must be a number, got " + describe(value));
		}
		try {
			return new BigDecimal(number.toString());
		}
		catch (NumberFormatException ex) {
			throw ToolError.invalidArgument(this.tool + ": \"" + name + "\" must be a finite number, got " + number);
		}
	}

	private static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		String type = value instanceof String ? "string" : value instanceof Number ? "number"
				: value instanceof Boolean ? "boolean" : value instanceof List ? "array" : value instanceof Map ? "object"
						: value.getClass().getSimpleName();
		String shown = String.valueOf(value);
		return type + " " + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown);
	}
}
