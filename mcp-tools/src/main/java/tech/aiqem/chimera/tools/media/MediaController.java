package tech.aiqem.chimera.tools.media;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves stored media so that {@code media_url}s resolve; objects never change once written. */
@RestController
class MediaController {

	private final MediaStore store;

	MediaController(MediaStore store) {
		this.store = store;
	}

	@GetMapping("/media/{*key}")
	ResponseEntity<byte[]> get(@PathVariable String key) {
		String trimmed = key.startsWith("/") ? key.substring(1) : key;
		if (!MediaStore.KEY.matcher(trimmed).matches() || trimmed.contains("..")) {
			return ResponseEntity.badRequest().build();
		}
		return this.store.get(trimmed)
			.map(media -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(media.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
				.body(media.content()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
