/**
 * {@code generate_image}: the {@link tech.aiqem.chimera.tools.image.ImageGenerator} port with the
 * offline renderer (default: draws a real PNG in this process, the same character for the same
 * {@code character_reference_id}) and the Ideogram API adapter (character reference images); the result
 * is stored in the media store and answered with its {@code media_url}.
 */
package tech.aiqem.chimera.tools.image;
