package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryHintsUnitTests {

	private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

	private static Map<String, List<String>> headers(String... pairs) {
		var map = new java.util.HashMap<String, List<String>>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], List.of(pairs[i + 1]));
		}
		return map;
	}

	@Test
	void retryAfterInSeconds() {
		assertThat(RetryHints.from(headers("retry-after", "20"), null, NOW)).contains(Duration.ofSeconds(20));
	}

	@Test
	void retryAfterAsAnHttpDate() {
		assertThat(RetryHints.from(headers("retry-after", "Wed, 01 Jan 2025 00:00:30 GMT"), null, NOW))
			.contains(Duration.ofSeconds(30));
	}

	@Test
	void retryAfterMillisecondsWin() {
		assertThat(RetryHints.from(headers("retry-after-ms", "250", "retry-after", "1"), null, NOW))
			.contains(Duration.ofMillis(250));
	}

	@Test
	void openAiResetOfTheExhaustedLimits() {
		var openai = headers("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s",
				"x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s");

		assertThat(RetryHints.from(openai, null, NOW)).contains(Duration.ofMinutes(6));
	}

	@Test
	void openAiResetOfALimitNotReachedIsIgnored() {
		var openai = headers("x-ratelimit-remaining-tokens", "149984", "x-ratelimit-reset-tokens", "6m0s");

		assertThat(RetryHints.from(openai, null, NOW)).isEmpty();
	}

	@Test
	void anthropicResetInstants() {
		var anthropic = headers("anthropic-ratelimit-requests-remaining", "0",
				"anthropic-ratelimit-requests-reset", "2025-01-01T00:01:00Z",
				"anthropic-ratelimit-input-tokens-remaining", "0",
				"anthropic-ratelimit-input-tokens-reset", "2025-01-01T00:00:10Z");

		assertThat(RetryHints.from(anthropic, null, NOW)).contains(Duration.ofMinutes(1));
	}

	@Test
	void aResetInThePastMeansRetryNow() {
		var anthropic = headers("anthropic-ratelimit-requests-remaining", "0",
				"anthropic-ratelimit-requests-reset", "2024-12-31T23:59:00Z");

		assertThat(RetryHints.from(anthropic, null, NOW)).contains(Duration.ZERO);
	}

	@Test
	void geminiRetryInfoInTheBody() {
		assertThat(RetryHints.from(Map.of(), Recorded.text("gemini/error_429_retry_info_constructed.json"), NOW))
			.contains(Duration.ofSeconds(7));
		assertThat(RetryHints.from(Map.of(), Recorded.text("gemini/error_429_resource_exhausted.json"), NOW)).isEmpty();
	}

	@Test
	void goDurations() {
		assertThat(RetryHints.goDuration("1s")).contains(Duration.ofSeconds(1));
		assertThat(RetryHints.goDuration("6m0s")).contains(Duration.ofMinutes(6));
		assertThat(RetryHints.goDuration("20ms")).contains(Duration.ofMillis(20));
		assertThat(RetryHints.goDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
		assertThat(RetryHints.goDuration("soon")).isEmpty();
		assertThat(RetryHints.goDuration("5x")).isEmpty();
	}

	@Test
	void garbageIsNoHint() {
		assertThat(RetryHints.from(headers("retry-after", "later"), "<html>", NOW)).isEmpty();
	}
}
