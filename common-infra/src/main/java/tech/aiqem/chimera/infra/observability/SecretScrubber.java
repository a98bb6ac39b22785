package tech.aiqem.chimera.infra.observability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.sentry.Breadcrumb;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;

/**
 * Removes secrets from Sentry events before they leave the process: the configured values of the
 * deployment's secret variables (API keys, tokens, passphrases, the database password), and anything
 * shaped like one (passwords in URLs, {@code key=value} credentials, bearer tokens, provider API keys,
 * PEM private keys). Messages, exception values, breadcrumbs, extras and request data are scrubbed.
 */
final class SecretScrubber implements EventProcessor {

	static final String MASK = "[REDACTED]";

	/** Variables (and properties) whose values are secrets; the Kubernetes Secret carries the same names. */
	static final List<String> SECRET_PROPERTIES = List.of("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY",
			"CDP_API_KEY_NAME", "CDP_API_KEY_PRIVATE_KEY", "CHIMERA_WALLET_PASSPHRASE", "X_ACCESS_TOKEN",
			"INSTAGRAM_ACCESS_TOKEN", "THREADS_ACCESS_TOKEN", "IDEOGRAM_API_KEY", "AWS_ACCESS_KEY_ID",
			"AWS_SECRET_ACCESS_KEY", "WEAVIATE_API_KEY", "spring.datasource.password", "chimera.wallet.passphrase");

	private static final List<Replacement> SHAPES = List.of(
			// postgresql://user:password@host, redis://:password@host
			new Replacement(Pattern.compile("(://[^/\\s:@]*:)[^@\\s/]+@"), "$1" + MASK + "@"),
			new Replacement(Pattern.compile(
					"(?i)\\b((?:password|passwd|passphrase|secret|api[_-]?key|access[_-]?token|private[_-]?key|token)\"?\\s*[=:]\\s*\"?)[^\\s\"&,;]+"),
					"$1" + MASK),
			new Replacement(Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+"), "$1" + MASK),
			new Replacement(Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"), MASK),
			new Replacement(Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"), MASK),
			new Replacement(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
					MASK));

	private final List<String> knownSecrets;

	SecretScrubber(Collection<String> knownSecrets) {
		// short values would mask ordinary words; the shapes above still catch most of them
		this.knownSecrets = knownSecrets.stream().filter(value -> value != null && value.strip().length() >= 6)
			.map(String::strip).distinct().toList();
	}

	@Override
	public SentryEvent process(SentryEvent event, Hint hint) {
		Message message = event.getMessage();
		if (message != null) {
			message.setMessage(redact(message.getMessage()));
			message.setFormatted(redact(message.getFormatted()));
			if (message.getParams() != null) {
				message.setParams(message.getParams().stream().map(this::redact).toList());
			}
		}
		if (event.getExceptions() != null) {
			for (SentryException exception : event.getExceptions()) {
				exception.setValue(redact(exception.getValue()));
			}
		}
		if (event.getBreadcrumbs() != null) {
			for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
				breadcrumb.setMessage(redact(breadcrumb.getMessage()));
				Map<String, Object> data = breadcrumb.getData();
				data.replaceAll((key, value) -> value instanceof String text ? redact(text) : value);
			}
		}
		if (event.getExtras() != null) {
			event.getExtras().replaceAll((key, value) -> value instanceof String text ? redact(text) : value);
		}
		Request request = event.getRequest();
		if (request != null) {
			request.setQueryString(redact(request.getQueryString()));
			if (request.getData() instanceof String body) {
				request.setData(redact(body));
			}
		}
		return event;
	}

	String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (String secret : this.knownSecrets) {
			result = result.replace(secret, MASK);
		}
		for (Replacement shape : SHAPES) {
			result = shape.pattern().matcher(result).replaceAll(shape.replacement());
		}
		return result;
	}

	private record Replacement(Pattern pattern, String replacement) {
	}
}
