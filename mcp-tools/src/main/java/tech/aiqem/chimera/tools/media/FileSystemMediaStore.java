package tech.aiqem.chimera.tools.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media in a local directory; the content type is kept beside each file ({@code <file>.type}). Writes go
 * to a temporary file first and are moved into place, so a reader never sees half an image.
 */
public final class FileSystemMediaStore implements MediaStore {

	private final Path root;

	public FileSystemMediaStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot create the media directory " + this.root + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		Path file = resolve(key);
		try {
			Files.createDirectories(file.getParent());
			Path tmp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
			Files.write(tmp, content);
			Files.writeString(typeFile(file), contentType);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot store media " + key, ex);
		}
	}

	@Override
	public Optional<MediaObject> get(String key) {
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			Path type = typeFile(file);
			String contentType = Files.exists(type) ? Files.readString(type).strip() : "application/octet-stream";
			return Optional.of(new MediaObject(Files.readAllBytes(file), contentType));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read media " + key, ex);
		}
	}

	private Path resolve(String key) {
		Path file = this.root.resolve(MediaStore.checkKey(key)).normalize();
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("invalid media key '" + key + "'");
		}
		return file;
	}

	private static Path typeFile(Path file) {
		return file.resolveSibling(file.getFileName() + ".type");
	}
}
