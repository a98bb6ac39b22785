package tech.aiqem.chimera.tools.media;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The public URL of a stored object. A configured public base URL is where the objects themselves are
 * ({@code <public-base-url>/<key>}: this server's {@code http://host:8084/media}, a MinIO bucket
 * {@code http://localhost:9000/chimera-media}, a CDN); without one, this server's {@code GET /media/{key}}
 * on the port it actually listens on. (Adding {@code /media/} to a configured base gave the launcher's
 * {@code .../media/media/images/...} 404s.)
 */
public final class MediaUrls implements ApplicationListener<WebServerInitializedEvent> {

	private final String configuredBase;

	private volatile String base;

	public MediaUrls(String configuredBase) {
		this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null
				: configuredBase.replaceAll("/+$", "");
		this.base = this.configuredBase != null ? this.configuredBase : "http://localhost:8084/media";
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.configuredBase == null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
			this.base = "http://localhost:" + event.getWebServer().getPort() + "/media";
		}
	}

	public String urlOf(String key) {
		return this.base + "/" + key;
	}
}
