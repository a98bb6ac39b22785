package tech.aiqem.chimera.tools.image;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineImageRendererUnitTests {

	final OfflineImageRenderer renderer = new OfflineImageRenderer();

	BufferedImage render(String prompt, String character, ImageStyle style, AspectRatio ratio) throws Exception {
		GeneratedImage image = this.renderer.generate(new ImageRequest(prompt, character, style, ratio));
		assertThat(image.contentType()).isEqualTo("image/png");
		return ImageIO.read(new ByteArrayInputStream(image.content()));
	}

	@Test
	void drawsEachAspectRatioAtItsSize() throws Exception {
		assertThat(render("p", "c", ImageStyle.REALISTIC, AspectRatio.SQUARE)).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
			.containsExactly(1080, 1080);
		assertThat(render("p", "c", ImageStyle.ANIME, AspectRatio.PORTRAIT)).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
			.containsExactly(1080, 1350);
		assertThat(render("p", "c", ImageStyle.ARTISTIC, AspectRatio.LANDSCAPE)).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
			.containsExactly(1280, 720);
	}

	@Test
	void theSameInputsGiveTheSameBytes() {
		ImageRequest request = new ImageRequest("market day", "selam-01", ImageStyle.ARTISTIC, AspectRatio.SQUARE);
		assertThat(this.renderer.generate(request).content()).isEqualTo(this.renderer.generate(request).content());
	}

	@Test
	void theCharacterStaysTheSameAcrossScenesAndDiffersBetweenIds() throws Exception {
		List<Point> probes = OfflineImageRenderer.characterProbePoints(1280, 720);
		BufferedImage night = render("city at night", "selam-01", ImageStyle.ANIME, AspectRatio.LANDSCAPE);
		BufferedImage garden = render("garden party", "selam-01", ImageStyle.ANIME, AspectRatio.LANDSCAPE);
		BufferedImage someoneElse = render("city at night", "abebe-9", ImageStyle.ANIME, AspectRatio.LANDSCAPE);
		for (Point p : probes) {
			assertThat(night.getRGB(p.x, p.y)).isEqualTo(garden.getRGB(p.x, p.y));
		}
		assertThat(probes.stream().anyMatch(p -> night.getRGB(p.x, p.y) != someoneElse.getRGB(p.x, p.y))).isTrue();
		assertThat(night.getRGB(5, 5)).isNotEqualTo(garden.getRGB(5, 5));
	}

	@Test
	void aPromptMapsToOneOfAFewScenesSoEachIsDrawnOnceAndServedAgain() {
		OfflineImageRenderer renderer = new OfflineImageRenderer(1000);
		Set<String> scenes = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			ImageRequest request = new ImageRequest("spring collection look " + i, "selam-01", ImageStyle.REALISTIC,
					AspectRatio.LANDSCAPE);
			scenes.add(HexFormat.of().formatHex(renderer.generate(request).content()));
		}
		assertThat(scenes).as("scenes drawn for 300 prompts without a colour word")
			.hasSizeGreaterThan(SceneSketch.HUES)
			.hasSizeLessThanOrEqualTo(SceneSketch.HUES * SceneSketch.VARIANTS);
		ImageRequest again = new ImageRequest("spring collection look 7", "selam-01", ImageStyle.REALISTIC, AspectRatio.LANDSCAPE);
		assertThat(renderer.generate(again).content()).as("served from the cache, not drawn again")
			.isSameAs(renderer.generate(again).content());
	}

	@Test
	void theSceneFollowsTheStyleAndTheCharacterIsPartOfWhatIsCached() {
		OfflineImageRenderer renderer = new OfflineImageRenderer(1000);
		byte[] realistic = renderer.generate(new ImageRequest("beach day", "selam-01", ImageStyle.REALISTIC, AspectRatio.SQUARE)).content();
		byte[] anime = renderer.generate(new ImageRequest("beach day", "selam-01", ImageStyle.ANIME, AspectRatio.SQUARE)).content();
		byte[] other = renderer.generate(new ImageRequest("beach day", "abebe-9", ImageStyle.REALISTIC, AspectRatio.SQUARE)).content();
		assertThat(realistic).isNotEqualTo(anime).isNotEqualTo(other);
	}
}
