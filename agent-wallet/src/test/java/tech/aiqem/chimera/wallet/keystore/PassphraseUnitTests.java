package tech.aiqem.chimera.wallet.keystore;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A passphrase copied from an example file (compose, Kubernetes) is refused, however it is spelled. */
class PassphraseUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "change-me-local-compose-only", "CHANGE_ME_TO_A_LONG_RANDOM_PASSPHRASE", "please Change Me now!",
			"replace-me-with-something-long" })
	void placeholdersFromExampleFilesAreRefused(String placeholder) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Passphrase(placeholder)).withMessageContaining("placeholder");
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "q8Vn2kR0xLw4TzYb7cHs" })
	void realPassphrasesAreKept(String passphrase) {
		assertThat(new Passphrase(passphrase)).hasToString("Passphrase[redacted]");
	}
}
