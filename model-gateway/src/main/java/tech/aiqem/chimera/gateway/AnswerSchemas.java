package tech.aiqem.chimera.gateway;

import java.util.List;
import java.util.Optional;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * The JSON answer shape of each {@link Purpose} as a langchain4j {@link JsonSchema}, so that a provider with
 * structured output (OpenAI {@code json_schema}, Gemini {@code responseSchema}) is held to the shape the
 * prompt text describes. A JSON prompt without a purpose still gets JSON mode, without a schema.
 */
final class AnswerSchemas {

	private AnswerSchemas() {
	}

	/** The response format of a prompt that wants JSON, or empty for a prose prompt. */
	static Optional<ResponseFormat> responseFormat(ModelPrompt prompt) {
		if (!prompt.expectJson()) {
			return Optional.empty();
		}
		Object purpose = prompt.facts().get(Purpose.KEY);
		ResponseFormat.Builder format = ResponseFormat.builder().type(ResponseFormatType.JSON);
		known(purpose).ifPresent(known -> format
			.jsonSchema(JsonSchema.builder().name(known.key()).rootElement(root(known, prompt)).build()));
		return Optional.of(format.build());
	}

	private static Optional<Purpose> known(Object purpose) {
		try {
			return (purpose != null) ? Optional.of(Purpose.of(purpose)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			// a purpose of a newer caller: JSON mode still holds, the prompt text describes the shape
			return Optional.empty();
		}
	}

	private static JsonObjectSchema root(Purpose purpose, ModelPrompt prompt) {
		return switch (purpose) {
			case PLAN_POSTS -> JsonObjectSchema.builder()
				.addProperty("tasks", JsonArraySchema.builder()
					.items(JsonObjectSchema.builder()
						.addStringProperty("topic")
						.addStringProperty("goal_description")
						.addStringProperty("platform")
						.required("topic", "goal_description", "platform")
						.build())
					.build())
				.required("tasks")
				.build();
			case WRITE_POST -> JsonObjectSchema.builder()
				.addStringProperty("text")
				.addStringProperty("image_prompt")
				.addNumberProperty("confidence")
				.addStringProperty("reasoning")
				.required("text", "confidence", "reasoning")
				.build();
			case WRITE_REPLY -> JsonObjectSchema.builder()
				.addStringProperty("text")
				.addNumberProperty("confidence")
				.addStringProperty("reasoning")
				.required("text", "confidence", "reasoning")
				.build();
			case REVIEW_PAYMENT -> JsonObjectSchema.builder()
				.addNumberProperty("confidence")
				.addStringProperty("reasoning")
				.required("confidence", "reasoning")
				.build();
			case JUDGE_RESULT -> judgement(prompt);
		};
	}

	/** The judge scores each criterion the prompt lists (facts {@code criteria}) with a reason. */
	private static JsonObjectSchema judgement(ModelPrompt prompt) {
		JsonObjectSchema.Builder criteria = JsonObjectSchema.builder();
		List<String> names = (prompt.facts().get("criteria") instanceof List<?> listed)
				? listed.stream().map(String::valueOf).toList() : List.of();
		for (String name : names) {
			criteria.addProperty(name, JsonObjectSchema.builder()
				.addNumberProperty("score")
				.addStringProperty("reason")
				.required("score", "reason")
				.build());
		}
		criteria.required(names);
		return JsonObjectSchema.builder()
			.addProperty("criteria", criteria.build())
			.addEnumProperty("verdict", List.of("approve", "review", "reject"))
			.addStringProperty("reasoning")
			.required("criteria", "verdict", "reasoning")
			.build();
	}
}
