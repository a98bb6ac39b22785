package tech.aiqem.chimera.gateway;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks that an answer asked to be JSON is a JSON object or array, once Markdown code fences are gone. */
final class JsonAnswer {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonAnswer() {
	}

	/** The JSON text without fences, or empty when the answer is not a JSON object or array. */
	static Optional<String> extract(String answer) {
		String text = stripFences(answer);
		try {
			JsonNode node = JSON.readTree(text);
			return (node != null && node.isContainer()) ? Optional.of(text) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/** Models like to wrap JSON in {@code ```json ... ```} even when told not to. */
	static String stripFences(String answer) {
		String text = answer.strip();
		if (!text.startsWith("```")) {
			return text;
		}
		int firstLineEnd = text.indexOf('\n');
		if (firstLineEnd < 0) {
			return text;
		}
		String body = text.substring(firstLineEnd + 1).stripTrailing();
		if (body.endsWith("```")) {
			body = body.substring(0, body.length() - 3);
		}
		return body.strip();
	}
}
