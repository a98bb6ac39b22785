package tech.aiqem.chimera.tools.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaUrlsUnitTests {

	@Test
	void withoutAConfiguredBaseUrlsPointAtThisServersMediaEndpoint() {
		assertThat(new MediaUrls(null).urlOf("images/task-1.png")).isEqualTo("http://localhost:8084/media/images/task-1.png");
		assertThat(new MediaUrls(" ").urlOf("images/task-1.png")).isEqualTo("http://localhost:8084/media/images/task-1.png");
	}

	@Test
	void aConfiguredBaseIsWhereTheObjectsAreAndGetsNoSecondMediaSegment() {
		// The launcher's setting: this server's /media endpoint (was served as .../media/media/images/..., a 404).
		assertThat(new MediaUrls("http://localhost:8084/media/").urlOf("images/task-1.png"))
			.isEqualTo("http://localhost:8084/media/images/task-1.png");
		// docker-compose's MinIO bucket, path style.
		assertThat(new MediaUrls("http://localhost:9000/chimera-media").urlOf("images/a.png"))
			.isEqualTo("http://localhost:9000/chimera-media/images/a.png");
	}
}
