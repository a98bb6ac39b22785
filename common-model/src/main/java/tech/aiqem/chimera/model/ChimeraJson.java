package tech.aiqem.chimera.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings every service uses for messages (docs/architecture.md §5): snake_case names, ISO-8601 UTC
 * instants, unknown fields ignored, absent optional fields not written, decimals kept exact.
 */
public final class ChimeraJson {

	private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

	private ChimeraJson() {
	}

	/** Applies Chimera's settings to a builder, e.g. Spring's own mapper for the REST API. */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.changeDefaultPropertyInclusion(
					incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)
						.withContentInclusion(JsonInclude.Include.NON_NULL));
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	/**
	 * Reads a message, turning every failure into a {@link MessageFormatException} whose message says
	 * what was wrong (not JSON, a missing field, a bad value) in words a log reader understands.
	 */
	public static <T> T read(String json, Class<T> type) {
		if (json == null || json.isBlank()) {
			throw new MessageFormatException("empty message, expected a JSON " + type.getSimpleName(), null);
		}
		try {
			T value = MAPPER.readValue(json, type);
			if (value == null) {
				throw new MessageFormatException("message is JSON null, expected a " + type.getSimpleName(), null);
			}
			return value;
		}
		catch (ValueInstantiationException ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new MessageFormatException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new MessageFormatException("malformed " + type.getSimpleName() + ": " + rootMessage(ex), ex);
		}
	}

	public static JsonNode tree(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MessageFormatException("malformed JSON: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(JacksonException ex) {
		Throwable cause = ex;
		while (cause.getCause() instanceof IllegalArgumentException && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
		String path = ex.getPathReference();
		return (path == null || path.isBlank()) ? message : message + " (at " + path + ")";
	}
}
