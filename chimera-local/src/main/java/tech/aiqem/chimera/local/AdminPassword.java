package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The first administrator's password for a local run: {@code CHIMERA_ADMIN_PASSWORD} when set, otherwise
 * one generated on first start into {@code <data-dir>/admin-password} (readable by the owner only) and
 * reused afterwards. The launcher passes it to the orchestrator and prints only where it is.
 */
final class AdminPassword {

	static final String FILE = "admin-password";

	private AdminPassword() {
	}

	/** The password to give the orchestrator, or null when the environment sets one itself. */
	static String ensure(Path dataDir, String fromEnvironment) {
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return null;
		}
		Path file = dataDir.resolve(FILE);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(dataDir);
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the admin password in " + file, ex);
		}
	}
}
