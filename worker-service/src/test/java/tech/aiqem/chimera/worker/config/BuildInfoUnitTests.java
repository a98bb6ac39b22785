package tech.aiqem.chimera.worker.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The build writes META-INF/build-info.properties, which /actuator/info reports (what build is running). */
class BuildInfoUnitTests {

	@Test
	void theServiceKnowsWhichBuildItIs() throws IOException {
		Properties build = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
			assertThat(in).as("spring-boot-maven-plugin's build-info goal").isNotNull();
			build.load(in);
		}
		assertThat(build.getProperty("build.artifact")).isEqualTo("worker-service");
		assertThat(build.getProperty("build.version")).isNotBlank();
		assertThat(build.getProperty("build.time")).isNotBlank();
	}
}
