package tech.aiqem.chimera.tools.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * A character drawn from its reference id: skin, hair colour and cut, outfit colour and pattern, eyes,
 * head shape and accessory all come from the id's hash, so one id always gives the same character, in
 * the same place of the frame (centred, standing on the lower edge), whatever the scene.
 */
final class CharacterSketch {

	private static final Color[] SKIN = { new Color(0x8D5524), new Color(0xC68642), new Color(0xE0AC69),
			new Color(0xF1C27D), new Color(0x5C3A21), new Color(0xA0662F), new Color(0x7A4A2A), new Color(0xFFDBAC) };

	private static final Color[] HAIR = { new Color(0x1B1B1B), new Color(0x3B2219), new Color(0x6A4E42),
			new Color(0xB55239), new Color(0xD6B370), new Color(0x2E3A59), new Color(0x7B1E3A), new Color(0x9E9E9E) };

	private static final Color[] EYES = { new Color(0x3D2314), new Color(0x1C3F94), new Color(0x2E6B30),
			new Color(0x5A5A5A), new Color(0x6B3E1E), new Color(0x111111) };

	private final Color skin;

	private final Color hair;

	private final Color eyes;

	private final Color outfit;

	private final Color accent;

	private final int hairCut;

	private final int pattern;

	private final int accessory;

	private final double headWidth;

	CharacterSketch(String referenceId) {
		Hash hash = new Hash("character:" + referenceId);
		this.skin = SKIN[hash.pick(0, SKIN.length)];
		this.hair = HAIR[hash.pick(1, HAIR.length)];
		this.eyes = EYES[hash.pick(2, EYES.length)];
		float hue = (float) hash.unit(3);
		this.outfit = Color.getHSBColor(hue, 0.55f + (float) hash.unit(5) * 0.3f, 0.6f + (float) hash.unit(7) * 0.3f);
		this.accent = Color.getHSBColor((hue + 0.5f) % 1f, 0.7f, 0.95f);
		this.hairCut = hash.pick(9, 4);
		this.pattern = hash.pick(10, 3);
		this.accessory = hash.pick(11, 4);
		this.headWidth = 0.85 + hash.unit(12) * 0.25;
	}

	/** Points inside the character (cheek, torso, leg) whose colour depends only on the character. */
	static List<Point> probePoints(int width, int height) {
		Frame f = new Frame(width, height);
		return List.of(f.at(-8, 23.5), f.at(0, 54), f.at(-5.5, 88));
	}

	void draw(Graphics2D g, int width, int height, ImageStyle style) {
		Frame f = new Frame(width, height);
		double u = f.unit;
		if (this.hairCut == 2) {
			fill(g, this.hair, f.rect(-16 * this.headWidth, 4, 32 * this.headWidth, 40, 10));
		}
		fill(g, this.outfit.darker(), f.rect(-10, 70, 9, 30, 3));
		fill(g, this.outfit.darker(), f.rect(1, 70, 9, 30, 3));
		fill(g, this.skin, f.rect(-26, 38, 8, 30, 6));
		fill(g, this.skin, f.rect(18, 38, 8, 30, 6));
		fill(g, this.outfit, f.rect(-25, 36, 8, 22, 6));
		fill(g, this.outfit, f.rect(17, 36, 8, 22, 6));
		fill(g, this.skin, f.rect(-4, 26, 8, 12, 2));
		if (style == ImageStyle.REALISTIC) {
			g.setPaint(new GradientPaint((float) f.x(-18), 0, this.outfit, (float) f.x(18), 0, this.outfit.darker()));
			g.fill(f.rect(-18, 34, 36, 40, 8));
		}
		else {
			fill(g, this.outfit, f.rect(-18, 34, 36, 40, 8));
		}
		drawPattern(g, f);
		fill(g, this.skin, new Ellipse2D.Double(f.x(-13 * this.headWidth), f.y(1), 26 * this.headWidth * u, 30 * u));
		drawHair(g, f);
		double eye = style == ImageStyle.ANIME ? 4.5 : 2.6;
		fill(g, Color.WHITE, new Ellipse2D.Double(f.x(-6 - eye), f.y(17 - eye), 2 * eye * u, 2 * eye * u));
		fill(g, Color.WHITE, new Ellipse2D.Double(f.x(6 - eye), f.y(17 - eye), 2 * eye * u, 2 * eye * u));
		double iris = eye * 0.6;
		fill(g, this.eyes, new Ellipse2D.Double(f.x(-6 - iris), f.y(17 - iris), 2 * iris * u, 2 * iris * u));
		fill(g, this.eyes, new Ellipse2D.Double(f.x(6 - iris), f.y(17 - iris), 2 * iris * u, 2 * iris * u));
		g.setColor(this.skin.darker().darker());
		g.setStroke(new BasicStroke((float) (0.9 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawArc((int) f.x(-4), (int) f.y(23), (int) (8 * u), (int) (4 * u), 200, 140);
		drawAccessory(g, f);
		if (style == ImageStyle.ANIME) {
			g.setColor(Color.BLACK);
			g.setStroke(new BasicStroke((float) (0.8 * u)));
			g.draw(f.rect(-18, 34, 36, 40, 8));
			g.draw(new Ellipse2D.Double(f.x(-13 * this.headWidth), f.y(1), 26 * this.headWidth * u, 30 * u));
		}
	}

	private void drawPattern(Graphics2D g, Frame f) {
		g.setColor(this.accent);
		if (this.pattern == 1) {
			for (double y = 40; y < 72; y += 8) {
				g.fill(f.rect(-17, y, 34, 2.5, 0));
			}
		}
		else if (this.pattern == 2) {
			for (double y = 40; y < 72; y += 7) {
				for (double x = -14; x < 16; x += 7) {
					g.fill(new Ellipse2D.Double(f.x(x), f.y(y), 2.5 * f.unit, 2.5 * f.unit));
				}
			}
		}
		else {
			g.fill(f.rect(-18, 34, 36, 4, 2));
		}
	}

	private void drawHair(Graphics2D g, Frame f) {
		double w = 28 * this.headWidth;
		switch (this.hairCut) {
			case 0 -> fill(g, this.hair, f.rect(-w / 2, -1, w, 10, 8));
			case 1 -> {
				fill(g, this.hair, f.rect(-w / 2 - 1, -1, w + 2, 11, 8));
				fill(g, this.hair, f.rect(-w / 2 - 1, 4, 5, 22, 3));
				fill(g, this.hair, f.rect(w / 2 - 4, 4, 5, 22, 3));
			}
			case 2 -> fill(g, this.hair, f.rect(-w / 2, -1, w, 9, 8));
			default -> {
				fill(g, this.hair, new Ellipse2D.Double(f.x(-7), f.y(-10), 14 * f.unit, 12 * f.unit));
				fill(g, this.hair, f.rect(-w / 2, -1, w, 8, 8));
			}
		}
	}

	private void drawAccessory(Graphics2D g, Frame f) {
		double u = f.unit;
		switch (this.accessory) {
			case 1 -> {
				fill(g, this.accent, new Ellipse2D.Double(f.x(-13 * this.headWidth - 1.5), f.y(20), 3 * u, 3 * u));
				fill(g, this.accent, new Ellipse2D.Double(f.x(13 * this.headWidth - 1.5), f.y(20), 3 * u, 3 * u));
			}
			case 2 -> {
				g.setColor(Color.DARK_GRAY);
				g.setStroke(new BasicStroke((float) (0.7 * u)));
				g.draw(new Ellipse2D.Double(f.x(-10), f.y(14), 8 * u, 6 * u));
				g.draw(new Ellipse2D.Double(f.x(2), f.y(14), 8 * u, 6 * u));
			}
			case 3 -> fill(g, this.accent, f.rect(-14 * this.headWidth, 3, 28 * this.headWidth, 4, 2));
			default -> {
			}
		}
	}

	private static void fill(Graphics2D g, Color color, java.awt.Shape shape) {
		g.setColor(color);
		g.fill(shape);
	}

	/** The character's box: centred, 62 % of the height, feet at 92 %; 1 unit = 1 % of its height. */
	private static final class Frame {

		final double cx;

		final double top;

		final double unit;

		Frame(int width, int height) {
			this.unit = height * 0.0062;
			this.cx = width / 2.0;
			this.top = height * 0.92 - 100 * this.unit;
		}

		double x(double units) {
			return this.cx + units * this.unit;
		}

		double y(double units) {
			return this.top + units * this.unit;
		}

		Point at(double x, double y) {
			return new Point((int) Math.round(x(x)), (int) Math.round(y(y)));
		}

		RoundRectangle2D rect(double x, double y, double w, double h, double arc) {
			return new RoundRectangle2D.Double(x(x), y(y), w * this.unit, h * this.unit, arc * this.unit, arc * this.unit);
		}
	}
}
