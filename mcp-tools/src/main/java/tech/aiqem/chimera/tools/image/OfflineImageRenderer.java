package tech.aiqem.chimera.tools.image;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The default image generator: draws a PNG in this process (java.awt, headless) — a scene from the
 * prompt and style with the reference id's character standing in front. Same inputs, same bytes.
 */
public final class OfflineImageRenderer implements ImageGenerator {

	@Override
	public String provider() {
		return "offline";
	}

	@Override
	public GeneratedImage generate(ImageRequest request) {
		int width = request.aspectRatio().width();
		int height = request.aspectRatio().height();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			new SceneSketch(request.prompt(), request.style()).draw(g, width, height, request.style());
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
				new Hash(request.characterReferenceId() + "|" + request.prompt()).seed() & 0x7fffffffL);
	}

	/**
	 * Pixels inside the character (cheek, torso, leg) for an image of this size: their colour depends on
	 * the character reference id only, never on the prompt.
	 */
	public static List<Point> characterProbePoints(int width, int height) {
		return CharacterSketch.probePoints(width, height);
	}
}
