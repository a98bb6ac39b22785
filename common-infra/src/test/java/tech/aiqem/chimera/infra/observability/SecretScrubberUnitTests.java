package tech.aiqem.chimera.infra.observability;

import java.util.List;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScrubberUnitTests {

	private final SecretScrubber scrubber = new SecretScrubber(List.of("correct-horse-battery", "abc"));

	@Test
	void masksConfiguredValuesAndSecretShapedText() {
		assertThat(this.scrubber.redact("wallet passphrase is correct-horse-battery!")).isEqualTo("wallet passphrase is [REDACTED]!");
		assertThat(this.scrubber.redact("cannot reach postgresql://chimera:pa55word@db:5432/chimera"))
			.isEqualTo("cannot reach postgresql://chimera:[REDACTED]@db:5432/chimera");
		assertThat(this.scrubber.redact("redis://:hunter22@redis:6379/0")).isEqualTo("redis://:[REDACTED]@redis:6379/0");
		assertThat(this.scrubber.redact("401 for api_key=AbCdEf123&x=1")).isEqualTo("401 for api_key=[REDACTED]&x=1");
		assertThat(this.scrubber.redact("{\"password\": \"s3cr3t\"}")).isEqualTo("{\"password\": \"[REDACTED]\"}");
		assertThat(this.scrubber.redact("Authorization: Bearer eyJhbGciOi.abc.def")).doesNotContain("eyJhbGciOi");
		assertThat(this.scrubber.redact("key sk-ant-api03-AAAAAAAAAAAAAAAAAAAA rejected")).isEqualTo("key [REDACTED] rejected");
		assertThat(this.scrubber.redact("key AIzaSyA1234567890abcdefghijklmnopqrstu bad")).isEqualTo("key [REDACTED] bad");
		assertThat(this.scrubber.redact("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----"))
			.isEqualTo("[REDACTED]");
	}

	@Test
	void leavesOrdinaryTextAndShortValuesAlone() {
		assertThat(this.scrubber.redact("Task 5f0c failed after 3 attempt(s): abc timeout"))
			.isEqualTo("Task 5f0c failed after 3 attempt(s): abc timeout");
		assertThat(this.scrubber.redact("tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"))
			.contains("0x5c504ed4");
		assertThat(this.scrubber.redact(null)).isNull();
	}

	@Test
	void scrubsMessageExceptionsAndBreadcrumbsOfAnEvent() {
		SentryEvent event = new SentryEvent();
		Message message = new Message();
		message.setFormatted("login failed: password=letmein");
		message.setParams(List.of("correct-horse-battery"));
		event.setMessage(message);
		SentryException exception = new SentryException();
		exception.setValue("postgresql://u:topsecret@h/db refused");
		event.setExceptions(List.of(exception));
		Breadcrumb crumb = new Breadcrumb("token=zzzzzzzz");
		crumb.setData("url", "redis://:pw123456@r:6379");
		event.setBreadcrumbs(List.of(crumb));

		this.scrubber.process(event, new Hint());

		assertThat(event.getMessage().getFormatted()).isEqualTo("login failed: password=[REDACTED]");
		assertThat(event.getMessage().getParams()).containsExactly("[REDACTED]");
		assertThat(event.getExceptions().get(0).getValue()).isEqualTo("postgresql://u:[REDACTED]@h/db refused");
		assertThat(event.getBreadcrumbs().get(0).getMessage()).isEqualTo("token=[REDACTED]");
		assertThat(event.getBreadcrumbs().get(0).getData("url")).isEqualTo("redis://:[REDACTED]@r:6379");
	}
}
