package tech.aiqem.chimera.tools.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.Sha256;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.media.MediaStore;
import tech.aiqem.chimera.tools.media.MediaUrls;

/**
 * The {@code generate_image} tool. With a task id in {@code _meta} the image is stored under that task
 * and a repeated call answers the stored one instead of paying for a second generation.
 */
@Component
public class GenerateImageTool {

	public static final String NAME = "generate_image";

	private final ImageGenerator generator;

	private final MediaStore store;

	private final MediaUrls urls;

	GenerateImageTool(ImageGenerator generator, MediaStore store, MediaUrls urls) {
		this.generator = generator;
		this.store = store;
		this.urls = urls;
	}

	public Map<String, Object> call(CallContext context, Map<String, Object> arguments) {
		Arguments args = new Arguments(NAME, arguments);
		String prompt = args.requiredString("prompt").strip();
		String character = args.requiredString("character_reference_id").strip();
		ImageStyle style = args.optionalEnum("style", ImageStyle::of, ImageStyle.REALISTIC);
		AspectRatio ratio = args.optionalEnum("aspect_ratio", AspectRatio::of, AspectRatio.PORTRAIT);
		if (prompt.length() > 4000) {
			throw ToolError.invalidArgument(NAME + ": \"prompt\" is longer than 4000 characters");
		}
		ImageRequest request = new ImageRequest(prompt, character, style, ratio);
		String key = key(context, request);
		Optional<MediaStore.MediaObject> existing = context.task() != null ? this.store.get(key) : Optional.empty();
		if (existing.isPresent()) {
			BufferedImage image = decode(existing.get().content());
			return result(request, key, image.getWidth(), image.getHeight(), null, true);
		}
		GeneratedImage image;
		try {
			image = this.generator.generate(request);
		}
		catch (ImageGenerationException ex) {
			if (ex.retryAt() != null) {
				throw new ToolError(Reason.RETRY_LATER, NAME + ": " + ex.getMessage(), ex.retryAt(), Map.of());
			}
			throw new ToolError(Reason.IMAGE_FAILED, NAME + ": " + ex.getMessage());
		}
		this.store.put(key, image.content(), image.contentType());
		return result(request, key, image.width(), image.height(), image.seed(), false);
	}

	private String key(CallContext context, ImageRequest request) {
		if (context.task() != null) {
			return "images/task-" + context.task() + ".png";
		}
		if (!"offline".equals(this.generator.provider())) {
			return "images/" + UUID.randomUUID() + ".png";
		}
		// the offline renderer is deterministic: equal requests share one file
		return "images/" + Sha256.hex(request.characterReferenceId() + "\n" + request.style().wire() + "\n"
				+ request.aspectRatio().wire() + "\n" + request.prompt()).substring(0, 32) + ".png";
	}

	private Map<String, Object> result(ImageRequest request, String key, int width, int height, Long seed, boolean replayed) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("media_url", this.urls.urlOf(key));
		result.put("media_key", key);
		result.put("width", width);
		result.put("height", height);
		result.put("provider", this.generator.provider());
		result.put("character_reference_id", request.characterReferenceId());
		result.put("style", request.style().wire());
		result.put("aspect_ratio", request.aspectRatio().wire());
		if (seed != null) {
			result.put("seed", seed);
		}
		result.put("replayed", replayed);
		return result;
	}

	private static BufferedImage decode(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				throw new IllegalStateException("stored image is not readable");
			}
			return image;
		}
		catch (IOException ex) {
			throw new IllegalStateException("stored image is not readable", ex);
		}
	}

}
