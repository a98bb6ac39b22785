/**
 * Where generated media live: the {@link tech.aiqem.chimera.tools.media.MediaStore} port with a local
 * filesystem store (default) and an S3 store (AWS SDK v2), and {@code GET /media/{key}} so that every
 * {@code media_url} this server hands out resolves, whichever store holds the bytes.
 */
package tech.aiqem.chimera.tools.media;
