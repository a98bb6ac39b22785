package tech.aiqem.chimera.tools.image;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.tools.Fixtures;
import tech.aiqem.chimera.tools.media.FileSystemMediaStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ideogram adapter against a recorded response on a local HTTP server, which also serves the image. */
class IdeogramImageGeneratorTests {

	static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

	MockWebServer server;

	FileSystemMediaStore references;

	IdeogramImageGenerator ideogram;

	byte[] referencePng;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.references = new FileSystemMediaStore(Files.createTempDirectory("refs-"));
		this.referencePng = new OfflineImageRenderer()
			.generate(new ImageRequest("portrait", "selam-01", ImageStyle.REALISTIC, AspectRatio.SQUARE)).content();
		this.references.put("characters/selam-01.png", this.referencePng, "image/png");
		this.ideogram = new IdeogramImageGenerator(this.server.url("/").uri(), "ideogram-secret",
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5), this.references,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void uploadsTheCharacterReferenceAndDownloadsTheResult() throws Exception {
		String body = Fixtures.read("ideogram/generate_sync_200.json")
			.replace("https://ideogram.ai/api/images/ephemeral/xtdZiqPwRxqY1Y7NExFmzB.png", this.server.url("/ephemeral/x.png").toString());
		this.server.enqueue(new MockResponse().setBody(body).addHeader("Content-Type", "application/json"));
		this.server.enqueue(new MockResponse().setBody(new Buffer().write(this.referencePng)).addHeader("Content-Type", "image/png"));

		GeneratedImage image = this.ideogram
			.generate(new ImageRequest("A ceramic mug on a wooden table", "selam-01", ImageStyle.ANIME, AspectRatio.PORTRAIT));

		assertThat(image.content()).isEqualTo(this.referencePng);
		assertThat(image.width()).isEqualTo(2048);
		assertThat(image.height()).isEqualTo(2048);
		assertThat(image.seed()).isEqualTo(12345L);
		RecordedRequest generate = this.server.takeRequest();
		assertThat(generate.getPath()).isEqualTo("/v2/image/generate/ideogram-3-character");
		assertThat(generate.getHeader("Api-Key")).isEqualTo("ideogram-secret");
		assertThat(generate.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
		String form = generate.getBody().readString(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(form).contains("name=\"prompt\"\r\n\r\nA ceramic mug on a wooden table", "name=\"aspect_ratio\"\r\n\r\n4x5",
				"name=\"style_type\"\r\n\r\nFICTION", "name=\"character_reference_images\"; filename=\"character.png\"", "PNG");
		assertThat(this.server.takeRequest().getPath()).isEqualTo("/ephemeral/x.png");
	}

	@Test
	void aRateLimitCarriesTheRetryTime() {
		this.server.enqueue(new MockResponse().setResponseCode(429).addHeader("Retry-After", "30"));
		assertThatThrownBy(() -> this.ideogram.generate(new ImageRequest("p", "selam-01", ImageStyle.REALISTIC, AspectRatio.SQUARE)))
			.isInstanceOfSatisfying(ImageGenerationException.class, ex -> assertThat(ex.retryAt()).isEqualTo(NOW.plusSeconds(30)));
	}

	@Test
	void anUnsafeResultIsARefusalNotAnImage() {
		this.server.enqueue(new MockResponse().setBody(
				"{\"generation_id\":\"g\",\"data\":[{\"url\":null,\"prompt\":\"p\",\"resolution\":\"1024x1024\",\"seed\":1,\"is_image_safe\":false}]}"));
		assertThatThrownBy(() -> this.ideogram.generate(new ImageRequest("p", "selam-01", ImageStyle.REALISTIC, AspectRatio.SQUARE)))
			.hasMessageContaining("unsafe");
	}

	@Test
	void aRefusedKeyIsReportedWithoutTheKey() {
		this.server.enqueue(new MockResponse().setResponseCode(401).setBody("{}"));
		assertThatThrownBy(() -> this.ideogram.generate(new ImageRequest("p", "selam-01", ImageStyle.REALISTIC, AspectRatio.SQUARE)))
			.hasMessageContaining("401")
			.message()
			.doesNotContain("ideogram-secret");
	}

	@Test
	void aCharacterWithoutAReferenceImageIsRefusedBeforeAnyCall() {
		assertThatThrownBy(() -> this.ideogram.generate(new ImageRequest("p", "unknown-7", ImageStyle.REALISTIC, AspectRatio.SQUARE)))
			.hasMessageContaining("characters/unknown-7.png");
		assertThat(this.server.getRequestCount()).isZero();
	}
}
