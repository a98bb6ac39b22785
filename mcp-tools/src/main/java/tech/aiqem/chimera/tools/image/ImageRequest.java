package tech.aiqem.chimera.tools.image;

/** What generate_image was asked for (SPEC §3.2), defaults applied. */
public record ImageRequest(String prompt, String characterReferenceId, ImageStyle style, AspectRatio aspectRatio) {
}
