package tech.aiqem.chimera.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsUnitTests {

	private static final String KEY = "sk-live-abcdef123456";

	@Test
	void configurationNeverPrintsKeys() {
		ModelProperties properties = new TestSettings().provider("openai", KEY, "http://localhost:1/v1")
			.provider("gemini", "AIzaSyTESTKEY0000", null)
			.properties();

		assertThat(properties.toString()).doesNotContain(KEY)
			.doesNotContain("AIzaSyTESTKEY0000")
			.contains("apiKey=[REDACTED]")
			.contains("apiKey=<unset>");
		assertThat(properties.openai().toString()).doesNotContain(KEY);
	}

	@Test
	void keysEchoedInErrorBodiesAreRedacted() {
		ProviderFailures failures = new ProviderFailures("openai", new Secrets(List.of(KEY)), Clock.systemUTC());
		var error = new ProviderHttpException(401, "Incorrect API key provided: " + KEY + ".", Map.of());

		ModelException ex = failures.classify(new RuntimeException(error), 0);

		assertThat(ex.getMessage()).doesNotContain(KEY).contains("Incorrect API key provided: [REDACTED]");
		assertThat(ex.reason()).isEqualTo(ModelException.Reason.REJECTED);
		assertThat(ex.getCause()).as("the raw error body is not attached").isNull();
	}

	@Test
	void errorTextIsTheProvidersMessage() {
		assertThat(ProviderFailures.errorText(Recorded.text("anthropic/error_529_overloaded.json")))
			.isEqualTo("overloaded_error: The API is temporarily overloaded.");
		assertThat(ProviderFailures.errorText(Recorded.text("gemini/error_400_api_key_invalid.json")))
			.isEqualTo("INVALID_ARGUMENT: API key not valid. Please pass a valid API key.");
		assertThat(ProviderFailures.errorText("<html>Bad gateway</html>")).isEqualTo("<html>Bad gateway</html>");
	}

	@Test
	void shortOrMissingKeysAreNotMasked() {
		assertThat(new Secrets(java.util.Arrays.asList(null, "", "ab")).redact("ab cd")).isEqualTo("ab cd");
	}
}
