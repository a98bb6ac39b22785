package tech.aiqem.chimera.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPasswordUnitTests {

	@Test
	void generatesOnceIntoAnOwnerOnlyFileAndReusesIt(@TempDir Path data) throws Exception {
		String first = AdminPassword.ensure(data.resolve("fresh"), null);
		Path file = data.resolve("fresh").resolve("admin-password");
		assertThat(first).hasSizeGreaterThanOrEqualTo(24);
		assertThat(Files.readString(file).strip()).isEqualTo(first);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(AdminPassword.ensure(data.resolve("fresh"), "")).isEqualTo(first);
	}

	@Test
	void aPasswordFromTheEnvironmentWinsAndNothingIsWritten(@TempDir Path data) {
		assertThat(AdminPassword.ensure(data, "set by the operator")).isNull();
		assertThat(data.resolve("admin-password")).doesNotExist();
	}
}
