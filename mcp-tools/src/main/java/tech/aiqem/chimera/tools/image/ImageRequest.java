package tech.aiqem.chimera.tools.image;

/** What generate_image was asked for (mcp-tools/README.md), defaults applied. */
public record ImageRequest(String prompt, String characterReferenceId, ImageStyle style, AspectRatio aspectRatio) {
}
