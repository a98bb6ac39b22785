package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of a local installation, made once and kept in the data directory (readable by the owner
 * only): the wallet keystore passphrase, unless {@code CHIMERA_WALLET_PASSPHRASE} is set. Never printed.
 */
final class LocalSecrets {

	private LocalSecrets() {
	}

	static String walletPassphrase(Path dataDir) {
		String configured = System.getenv("CHIMERA_WALLET_PASSPHRASE");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return stored(dataDir.resolve("wallet-passphrase"));
	}

	static String stored(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.writeString(file, secret, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the file keeps its default permissions.
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write " + file, ex);
		}
	}
}
