package tech.aiqem.chimera.tools.memory;

import java.math.BigDecimal;
import java.util.Map;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.ToolError;

/** Number and length checks the memory tools need beyond {@link Arguments}, with messages naming the argument. */
final class MemoryArguments {

	private MemoryArguments() {
	}

	static int integer(String tool, Map<String, Object> values, String name, int fallback, int min, int max) {
		if (values == null || values.get(name) == null) {
			return fallback;
		}
		BigDecimal value = new Arguments(tool, values).requiredNumber(name);
		if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
				|| value.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw ToolError.invalidArgument(
					tool + ": \"" + name + "\" must be a whole number from " + min + " to " + max + ", got " + value);
		}
		return value.intValueExact();
	}

	static double fraction(String tool, Map<String, Object> values, String name, double fallback) {
		if (values == null || values.get(name) == null) {
			return fallback;
		}
		BigDecimal value = new Arguments(tool, values).requiredNumber(name);
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw ToolError.invalidArgument(tool + ": \"" + name + "\" must be between 0 and 1, got " + value);
		}
		return value.doubleValue();
	}

	/** Text up to {@code max} characters (code points, as JSON Schema's maxLength counts them). */
	static String text(String tool, Arguments args, String name, int max) {
		String value = args.requiredString(name).strip();
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			throw ToolError.invalidArgument(
					tool + ": \"" + name + "\" has " + length + " characters; the limit is " + max);
		}
		return value;
	}

	/** The memory store could not be reached: the caller may try again, nothing was done. */
	static ToolError unavailable(String tool, ChimeraException ex) {
		return ToolError.of(ex.code(),
				tool + ": " + ex.getMessage() + " (memory store unavailable; nothing was done, call again later)");
	}
}
