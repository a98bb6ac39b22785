package tech.aiqem.chimera.tools.image;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The default image generator: draws a PNG in this process (java.awt, headless) — a scene from the
 * prompt and style with the reference id's character standing in front. Same inputs, same bytes.
 * <p>
 * A hosted generator does its drawing elsewhere; this one must not make every task pay for a picture in
 * the tools server's CPU (drawing and PNG-encoding one takes 40–75 ms). A prompt maps to one of a few
 * hundred scenes per style ({@link SceneSketch#key()}), and each (character, style, size, scene) is drawn
 * and encoded once and then served from a bounded cache.
 */
public final class OfflineImageRenderer implements ImageGenerator {

	private final Cache<String, GeneratedImage> drawn;

	private final Semaphore drawing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

	public OfflineImageRenderer() {
		this(512);
	}

	/** @param cached at most this many encoded images are kept (about 40 KB each) */
	OfflineImageRenderer(int cached) {
		this.drawn = Caffeine.newBuilder().maximumSize(cached).build();
	}

	@Override
	public String provider() {
		return "offline";
	}

	@Override
	public GeneratedImage generate(ImageRequest request) {
		SceneSketch scene = new SceneSketch(request.prompt(), request.style());
		String key = request.characterReferenceId() + "|" + request.aspectRatio().wire() + "|" + scene.key();
		return this.drawn.get(key, k -> drawBounded(request, scene));
	}

	/**
	 * Drawing is CPU work on a 1280×720 raster (3.7 MB with its PNG buffers): tool calls run on the server's
	 * request threads, so without this bound a burst of new scenes would draw hundreds at once in the heap.
	 */
	private GeneratedImage drawBounded(ImageRequest request, SceneSketch scene) {
		this.drawing.acquireUninterruptibly();
		try {
			return draw(request, scene);
		}
		finally {
			this.drawing.release();
		}
	}

	private static GeneratedImage draw(ImageRequest request, SceneSketch scene) {
		int width = request.aspectRatio().width();
		int height = request.aspectRatio().height();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			scene.draw(g, width, height, request.style());
			new CharacterSketch(request.characterReferenceId()).draw(g, width, height, request.style());
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new GeneratedImage(png.toByteArray(), "image/png", width, height,
				new Hash(request.characterReferenceId() + "|" + scene.key()).seed() & 0x7fffffffL);
	}

	/**
	 * Pixels inside the character (cheek, torso, leg) for an image of this size: their colour depends on
	 * the character reference id only, never on the prompt.
	 */
	public static List<Point> characterProbePoints(int width, int height) {
		return CharacterSketch.probePoints(width, height);
	}
}
