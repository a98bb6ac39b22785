package tech.aiqem.chimera.tools.image;

import java.time.Instant;

/** The generator refused or failed; {@code retryAt} set when it asked us to slow down. */
public class ImageGenerationException extends RuntimeException {

	private final Instant retryAt;

	public ImageGenerationException(String message, Instant retryAt) {
		super(message);
		this.retryAt = retryAt;
	}

	public Instant retryAt() {
		return this.retryAt;
	}
}
