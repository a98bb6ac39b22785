package tech.aiqem.chimera.gateway;

import java.time.Duration;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

/**
 * The three hosted chat APIs through langchain4j 1.19. Every model is built with {@code maxRetries(0)}
 * (the gateway owns retries), our header-keeping HTTP client, and request logging off (it would log
 * keys and prompts). A prompt that wants JSON asks for it as the response format where the API has one
 * (OpenAI {@code response_format} with a JSON schema, Gemini {@code responseMimeType} and
 * {@code responseSchema}).
 */
enum HostedApi {

	GEMINI(ProviderChains.GEMINI, "https://generativelanguage.googleapis.com/v1beta") {
		@Override
		ChatModel build(String apiKey, String baseUrl, String model, Duration timeout) {
			return GoogleAiGeminiChatModel.builder()
				.httpClientBuilder(CapturingHttpClient.builder())
				.apiKey(apiKey)
				.baseUrl(baseUrl)
				.modelName(model)
				.timeout(timeout)
				.maxRetries(0)
				.logRequestsAndResponses(false)
				.build();
		}
	},

	/**
	 * No JSON response format here: the Messages API has no {@code response_format} (its newer structured
	 * outputs are not used yet), so a JSON prompt stays prose instructions and {@link JsonAnswer} strips the
	 * fences the model may add.
	 */
	ANTHROPIC(ProviderChains.ANTHROPIC, "https://api.anthropic.com/v1/") {
		@Override
		ChatRequestParameters parameters(int maxTokens, ResponseFormat format) {
			return ChatRequestParameters.builder().maxOutputTokens(maxTokens).build();
		}

		@Override
		ChatModel build(String apiKey, String baseUrl, String model, Duration timeout) {
			return AnthropicChatModel.builder()
				.httpClientBuilder(CapturingHttpClient.builder())
				.apiKey(apiKey)
				.baseUrl(baseUrl)
				.modelName(model)
				.timeout(timeout)
				.maxRetries(0)
				.logRequests(false)
				.logResponses(false)
				.build();
		}
	},

	OPENAI(ProviderChains.OPENAI, "https://api.openai.com/v1") {
		@Override
		ChatModel build(String apiKey, String baseUrl, String model, Duration timeout) {
			return OpenAiChatModel.builder()
				.httpClientBuilder(CapturingHttpClient.builder())
				.apiKey(apiKey)
				.baseUrl(baseUrl)
				.modelName(model)
				.timeout(timeout)
				.maxRetries(0)
				.logRequests(false)
				.logResponses(false)
				.build();
		}

		@Override
		ChatRequestParameters parameters(int maxTokens, ResponseFormat format) {
			// GPT-5 and the o-series reject max_tokens; max_completion_tokens works for every current model.
			return OpenAiChatRequestParameters.builder().maxCompletionTokens(maxTokens).responseFormat(format).build();
		}
	};

	private final String providerName;

	private final String defaultBaseUrl;

	HostedApi(String providerName, String defaultBaseUrl) {
		this.providerName = providerName;
		this.defaultBaseUrl = defaultBaseUrl;
	}

	String providerName() {
		return this.providerName;
	}

	String defaultBaseUrl() {
		return this.defaultBaseUrl;
	}

	abstract ChatModel build(String apiKey, String baseUrl, String model, Duration timeout);

	/**
	 * @param format JSON (with the answer's schema when the prompt names a purpose) for a prompt that wants
	 * JSON, or null for prose
	 */
	ChatRequestParameters parameters(int maxTokens, ResponseFormat format) {
		return ChatRequestParameters.builder().maxOutputTokens(maxTokens).responseFormat(format).build();
	}
}
