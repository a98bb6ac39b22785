package tech.aiqem.chimera.tools.image;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Random;

/**
 * The background a prompt asks for: a sky gradient whose colours follow words of the prompt (coffee,
 * sea, night, garden, sunset, ...) or, failing those, one of {@link #HUES} hues picked by its hash, a ground
 * band and shapes scattered from one of {@link #VARIANTS} layouts; the style decides the brush (soft
 * gradients, flat anime colours with speed lines, strokes). A prompt maps to one of a few hundred scenes
 * per style ({@link #key()}), so the offline renderer draws and encodes each once.
 */
final class SceneSketch {

	/** Hues a prompt without a colour word gets, by its hash. */
	static final int HUES = 12;

	/** Layouts of shapes per scene colour. */
	static final int VARIANTS = 8;

	private final Color sky;

	private final Color horizon;

	private final Color ground;

	private final long seed;

	private final String key;

	SceneSketch(String prompt, ImageStyle style) {
		Hash hash = new Hash("scene:" + style.wire() + ":" + prompt);
		String words = prompt.toLowerCase(Locale.ROOT);
		String colour;
		float hue;
		if (words.contains("coffee") || words.contains("cafe")) {
			colour = "coffee";
			hue = 0.07f;
		}
		else if (words.contains("sea") || words.contains("beach") || words.contains("ocean")) {
			colour = "sea";
			hue = 0.55f;
		}
		else if (words.contains("garden") || words.contains("forest") || words.contains("park")) {
			colour = "garden";
			hue = 0.3f;
		}
		else if (words.contains("sunset") || words.contains("desert")) {
			colour = "sunset";
			hue = 0.04f;
		}
		else {
			int bucket = hash.pick(0, HUES);
			colour = "hue" + bucket;
			hue = bucket / (float) HUES;
		}
		boolean night = words.contains("night");
		float brightness = night ? 0.25f : 0.85f;
		this.key = style.wire() + "/" + colour + (night ? "/night" : "/day") + "/" + hash.pick(1, VARIANTS);
		this.seed = new Hash("scene:" + this.key).seed();
		this.sky = Color.getHSBColor(hue, 0.35f, brightness);
		this.horizon = Color.getHSBColor((hue + 0.08f) % 1f, 0.5f, Math.min(1f, brightness + 0.1f));
		this.ground = Color.getHSBColor((hue + 0.15f) % 1f, 0.45f, brightness * 0.6f);
	}

	/** What the drawing depends on: prompts with the same key get the same scene. */
	String key() {
		return this.key;
	}

	void draw(Graphics2D g, int width, int height, ImageStyle style) {
		Random random = new Random(this.seed);
		if (style == ImageStyle.ANIME) {
			g.setColor(this.sky);
			g.fillRect(0, 0, width, height);
		}
		else {
			g.setPaint(new GradientPaint(0, 0, this.sky, 0, height * 0.7f, this.horizon));
			g.fillRect(0, 0, width, height);
		}
		int shapes = 6 + random.nextInt(9);
		for (int i = 0; i < shapes; i++) {
			Color color = Color.getHSBColor(random.nextFloat(), 0.3f + random.nextFloat() * 0.5f, 0.5f + random.nextFloat() * 0.5f);
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f + random.nextFloat() * 0.4f));
			g.setColor(color);
			double size = (0.05 + random.nextDouble() * 0.2) * Math.min(width, height);
			double x = random.nextDouble() * width;
			double y = random.nextDouble() * height * 0.65;
			switch (random.nextInt(3)) {
				case 0 -> g.fill(new Ellipse2D.Double(x, y, size, size));
				case 1 -> g.fill(new Rectangle2D.Double(x, y, size * 1.4, size * 0.8));
				default -> {
					Path2D triangle = new Path2D.Double();
					triangle.moveTo(x, y + size);
					triangle.lineTo(x + size / 2, y);
					triangle.lineTo(x + size, y + size);
					triangle.closePath();
					g.fill(triangle);
				}
			}
		}
		g.setComposite(AlphaComposite.SrcOver);
		g.setColor(this.ground);
		g.fillRect(0, (int) (height * 0.78), width, height);
		if (style == ImageStyle.ARTISTIC) {
			strokes(g, width, height, random);
		}
		else if (style == ImageStyle.ANIME) {
			g.setColor(new Color(255, 255, 255, 120));
			g.setStroke(new BasicStroke(Math.max(1f, width / 400f)));
			for (int i = 0; i < 24; i++) {
				int y = random.nextInt(height);
				g.drawLine(0, y, (int) (width * (0.1 + random.nextDouble() * 0.3)), y);
			}
		}
	}

	private static void strokes(Graphics2D g, int width, int height, Random random) {
		for (int i = 0; i < 180; i++) {
			g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.9f));
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.15f + random.nextFloat() * 0.2f));
			g.setStroke(new BasicStroke(2f + random.nextFloat() * width / 90f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			int x = random.nextInt(width);
			int y = random.nextInt(height);
			g.drawLine(x, y, x + random.nextInt(width / 6 + 1) - width / 12, y + random.nextInt(height / 10 + 1));
		}
		g.setComposite(AlphaComposite.SrcOver);
	}
}
