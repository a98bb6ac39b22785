package tech.aiqem.chimera.tools.image;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.tools.media.MediaStore;

import tools.jackson.databind.JsonNode;

/**
 * Ideogram's character endpoint ({@code POST /v2/image/generate/ideogram-3-character}, multipart, header
 * {@code Api-Key}). The character's reference image is read from the media store at
 * {@code characters/<character_reference_id>.png} (or {@code .jpg}) and uploaded as
 * {@code character_reference_images}. The result URL expires after 24 hours, so the image is downloaded
 * at once and handed back as bytes for the media store.
 */
public final class IdeogramImageGenerator implements ImageGenerator {

	static final String PATH = "/v2/image/generate/ideogram-3-character";

	private final URI baseUrl;

	private final String apiKey;

	private final HttpClient http;

	private final Duration timeout;

	private final MediaStore references;

	private final Clock clock;

	public IdeogramImageGenerator(URI baseUrl, String apiKey, HttpClient http, Duration timeout, MediaStore references,
			Clock clock) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalStateException("chimera.tools.images.provider=ideogram needs an API key (IDEOGRAM_API_KEY)");
		}
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.http = http;
		this.timeout = timeout;
		this.references = references;
		this.clock = clock;
	}

	@Override
	public String provider() {
		return "ideogram";
	}

	@Override
	public GeneratedImage generate(ImageRequest request) {
		MediaStore.MediaObject reference = reference(request.characterReferenceId());
		Multipart form = new Multipart().field("prompt", request.prompt())
			.field("aspect_ratio", request.aspectRatio().wire().replace(':', 'x'))
			.field("style_type", styleType(request.style()))
			.file("character_reference_images", "character.png", reference.contentType(), reference.content());
		HttpRequest call = HttpRequest.newBuilder(this.baseUrl.resolve(PATH))
			.timeout(this.timeout)
			.header("Api-Key", this.apiKey)
			.header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.finish()))
			.build();
		HttpResponse<String> response = send(call, HttpResponse.BodyHandlers.ofString());
		int status = response.statusCode();
		if (status == 429) {
			long seconds = response.headers().firstValue("retry-after").map(IdeogramImageGenerator::seconds).orElse(60L);
			Instant retryAt = this.clock.instant().plusSeconds(seconds);
			throw new ImageGenerationException("Ideogram rate limit reached (HTTP 429); try again at " + retryAt, retryAt);
		}
		if (status == 401 || status == 403) {
			throw new ImageGenerationException("Ideogram refused the API key (HTTP " + status + ")", null);
		}
		if (status >= 400 && status < 500) {
			throw new ImageGenerationException("Ideogram rejected the request (HTTP " + status + "): " + excerpt(response.body()), null);
		}
		if (status != 200) {
			throw new ImageGenerationException("Ideogram is unavailable (HTTP " + status + ")", null);
		}
		JsonNode image = ChimeraJson.tree(response.body()).path("data").path(0);
		if (image.isMissingNode()) {
			throw new ImageGenerationException("Ideogram answered without an image", null);
		}
		if (!image.path("is_image_safe").asBoolean(true) || image.path("url").isMissingNode() || image.path("url").isNull()) {
			throw new ImageGenerationException("Ideogram flagged the generated image as unsafe; change the prompt", null);
		}
		byte[] bytes = download(image.path("url").asString());
		String[] resolution = image.path("resolution").asString("0x0").split("x");
		return new GeneratedImage(bytes, "image/png", parse(resolution, 0), parse(resolution, 1),
				image.path("seed").isNumber() ? image.path("seed").asLong() : null);
	}

	private MediaStore.MediaObject reference(String id) {
		if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
			throw new ImageGenerationException("character_reference_id '" + id
					+ "' cannot name a reference image: use letters, digits, '.', '_' and '-'", null);
		}
		Optional<MediaStore.MediaObject> png = this.references.get("characters/" + id + ".png");
		return png.or(() -> this.references.get("characters/" + id + ".jpg"))
			.orElseThrow(() -> new ImageGenerationException("no reference image for character '" + id
					+ "': store one in the media store at characters/" + id + ".png", null));
	}

	private byte[] download(String url) {
		HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout).GET().build();
		HttpResponse<byte[]> response = send(get, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new ImageGenerationException("could not download the Ideogram image (HTTP " + response.statusCode() + ")", null);
		}
		return response.body();
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new ImageGenerationException("Ideogram is unreachable: " + ex.getClass().getSimpleName(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImageGenerationException("interrupted while calling Ideogram", null);
		}
	}

	/** Ideogram allows AUTO, REALISTIC or FICTION with character references; artistic leaves it to AUTO. */
	static String styleType(ImageStyle style) {
		return switch (style) {
			case REALISTIC -> "REALISTIC";
			case ANIME -> "FICTION";
			case ARTISTIC -> "AUTO";
		};
	}

	private static long seconds(String value) {
		try {
			return Math.max(1, Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return 60;
		}
	}

	private static int parse(String[] parts, int index) {
		try {
			return parts.length > index ? Integer.parseInt(parts[index].trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String excerpt(String body) {
		String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
		return text.length() > 300 ? text.substring(0, 300) + "..." : text;
	}
}
