package tech.aiqem.chimera.tools.image;

/** Makes an image. Throws {@link ImageGenerationException} with a message safe to show the caller. */
public interface ImageGenerator {

	/** "offline" or "ideogram", reported with each image. */
	String provider();

	GeneratedImage generate(ImageRequest request);
}
