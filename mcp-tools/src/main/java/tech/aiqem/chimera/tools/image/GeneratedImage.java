package tech.aiqem.chimera.tools.image;

/** An image's bytes and what is known about it. */
public record GeneratedImage(byte[] content, String contentType, int width, int height, Long seed) {
}
