package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hosted chat API as a {@link ChatProvider}: one langchain4j {@link ChatModel} per model name, every
 * failure turned into a {@link ModelException} by {@link ProviderFailures}.
 */
final class HostedChatProvider implements ChatProvider {

	private static final Logger log = LoggerFactory.getLogger(HostedChatProvider.class);

	private final HostedApi api;

	private final String apiKey;

	private final String baseUrl;

	private final Duration timeout;

	private final ProviderFailures failures;

	private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

	HostedChatProvider(HostedApi api, ModelProperties.Hosted settings, Duration timeout, Secrets secrets,
			Clock realClock) {
		this.api = api;
		// A local OpenAI-compatible server takes no key, but the client sends one: any non-empty value does.
		this.apiKey = settings.configured() ? settings.apiKey() : "local";
		this.baseUrl = (settings.baseUrl() == null || settings.baseUrl().isBlank()) ? api.defaultBaseUrl()
				: settings.baseUrl().trim();
		this.timeout = timeout;
		this.failures = new ProviderFailures(api.providerName(), secrets, realClock);
	}

	@Override
	public String name() {
		return this.api.providerName();
	}

	@Override
	public boolean offline() {
		return false;
	}

	@Override
	public ModelReply chat(ModelRole role, ModelPrompt prompt, String model) {
		ChatModel chatModel = this.models.computeIfAbsent(model,
				name -> this.api.build(this.apiKey, this.baseUrl, name, this.timeout));
		List<ChatMessage> messages = new ArrayList<>(2);
		if (prompt.system() != null && !prompt.system().isBlank()) {
			messages.add(SystemMessage.from(prompt.system()));
		}
		messages.add(UserMessage.from(prompt.user()));
		ChatRequest request = ChatRequest.builder()
			.messages(messages)
			.parameters(this.api.parameters(prompt.maxTokens(), AnswerSchemas.responseFormat(prompt).orElse(null)))
			.build();
		CapturingHttpClient.resetLastSuccess();
		ChatResponse response;
		try {
			response = chatModel.chat(request);
		}
		catch (RuntimeException ex) {
			throw this.failures.classify(ex, CapturingHttpClient.lastSuccess());
		}
		String text = (response.aiMessage() != null) ? response.aiMessage().text() : null;
		if (text == null || text.isBlank()) {
			throw new ModelException(name(), CapturingHttpClient.lastSuccess(), ModelException.Reason.MALFORMED,
					"the answer has no text (finish reason " + response.finishReason() + ")");
		}
		TokenUsage usage = response.tokenUsage();
		if (usage == null) {
			log.warn("{} answered without token usage; counting 0 tokens", name());
		}
		return new ModelReply(text, name(), model, count(usage, true), count(usage, false), BigDecimal.ZERO,
				Duration.ZERO, false);
	}

	private static long count(TokenUsage usage, boolean input) {
		if (usage == null) {
			return 0;
		}
		Integer tokens = input ? usage.inputTokenCount() : usage.outputTokenCount();
		long count = (tokens != null) ? tokens : 0;
		// Gemini bills thinking as output but reports it apart from candidatesTokenCount; the other two
		// providers already count thinking in their output tokens.
		if (!input && usage instanceof GoogleAiGeminiTokenUsage gemini && gemini.thoughtsTokenCount() != null) {
			count += gemini.thoughtsTokenCount();
		}
		return count;
	}
}
