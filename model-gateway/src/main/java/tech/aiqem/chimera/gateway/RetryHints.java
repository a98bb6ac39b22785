package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a rate-limited provider asked us to wait, read from what it sent: {@code retry-after-ms},
 * {@code retry-after} (seconds or an HTTP date), OpenAI's {@code x-ratelimit-reset-*} (Go durations
 * such as {@code 6m0s}), Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants), or a
 * Gemini {@code google.rpc.RetryInfo} detail in the body ({@code "retryDelay": "30s"}). Reset headers
 * count only for a limit whose {@code remaining} is 0, the one that was hit.
 */
final class RetryHints {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

	private static final List<String> OPENAI_LIMITS = List.of("requests", "tokens");

	private static final List<String> ANTHROPIC_LIMITS = List.of("requests", "tokens", "input-tokens",
			"output-tokens");

	private RetryHints() {
	}

	static Optional<Duration> from(Map<String, List<String>> headers, String body, Instant now) {
		Optional<Duration> millis = first(headers, "retry-after-ms").flatMap(RetryHints::millis);
		if (millis.isPresent()) {
			return millis;
		}
		Optional<Duration> retryAfter = first(headers, "retry-after").flatMap(value -> retryAfter(value, now));
		if (retryAfter.isPresent()) {
			return retryAfter;
		}
		Optional<Duration> resets = longest(headers, now);
		if (resets.isPresent()) {
			return resets;
		}
		return geminiRetryDelay(body);
	}

	private static Optional<Duration> longest(Map<String, List<String>> headers, Instant now) {
		Duration longest = null;
		for (String limit : OPENAI_LIMITS) {
			if (exhausted(headers, "x-ratelimit-remaining-" + limit)) {
				longest = max(longest, first(headers, "x-ratelimit-reset-" + limit).flatMap(RetryHints::goDuration));
			}
		}
		for (String limit : ANTHROPIC_LIMITS) {
			if (exhausted(headers, "anthropic-ratelimit-" + limit + "-remaining")) {
				longest = max(longest, first(headers, "anthropic-ratelimit-" + limit + "-reset")
					.flatMap(value -> until(value, now)));
			}
		}
		return Optional.ofNullable(longest);
	}

	private static Duration max(Duration current, Optional<Duration> candidate) {
		if (candidate.isEmpty()) {
			return current;
		}
		return (current == null || candidate.get().compareTo(current) > 0) ? candidate.get() : current;
	}

	private static boolean exhausted(Map<String, List<String>> headers, String name) {
		return first(headers, name).map(String::trim).filter("0"::equals).isPresent();
	}

	private static Optional<String> first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.ofNullable(values.get(0));
	}

	private static Optional<Duration> millis(String value) {
		try {
			double ms = Double.parseDouble(value.trim());
			return (ms >= 0) ? Optional.of(Duration.ofNanos((long) (ms * 1_000_000))) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> retryAfter(String value, Instant now) {
		try {
			double seconds = Double.parseDouble(value.trim());
			return (seconds >= 0) ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return Optional.of(nonNegative(Duration.between(now, at)));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
	}

	private static Optional<Duration> until(String rfc3339, Instant now) {
		try {
			return Optional.of(nonNegative(Duration.between(now, OffsetDateTime.parse(rfc3339.trim()).toInstant())));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** Go's {@code time.Duration} text as OpenAI sends it: {@code 1s}, {@code 6m0s}, {@code 20ms}. */
	static Optional<Duration> goDuration(String value) {
		String text = value.trim();
		Matcher matcher = GO_DURATION_PART.matcher(text);
		Duration total = Duration.ZERO;
		int consumed = 0;
		while (matcher.find()) {
			if (matcher.start() != consumed) {
				return Optional.empty();
			}
			consumed = matcher.end();
			double amount = Double.parseDouble(matcher.group(1));
			long nanosPerUnit = switch (matcher.group(2)) {
				case "h" -> 3_600_000_000_000L;
				case "m" -> 60_000_000_000L;
				case "s" -> 1_000_000_000L;
				default -> 1_000_000L;
			};
			total = total.plusNanos((long) (amount * nanosPerUnit));
		}
		return (consumed > 0 && consumed == text.length()) ? Optional.of(total) : Optional.empty();
	}

	private static Optional<Duration> geminiRetryDelay(String body) {
		if (body == null || body.isBlank()) {
			return Optional.empty();
		}
		try {
			for (JsonNode detail : JSON.readTree(body).path("error").path("details")) {
				if (detail.path("@type").asString("").endsWith("google.rpc.RetryInfo")) {
					String delay = detail.path("retryDelay").asString("");
					if (delay.endsWith("s")) {
						return millis(delay.substring(0, delay.length() - 1)).map(ms -> ms.multipliedBy(1000));
					}
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON: no hint in it
		}
		return Optional.empty();
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}
}
