package tech.aiqem.chimera.tools.media;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The public URL of a stored object: {@code <public-base-url>/media/<key>}, where the base defaults to
 * this server on the port it actually listens on.
 */
public final class MediaUrls implements ApplicationListener<WebServerInitializedEvent> {

	private final String configuredBase;

	private volatile String base;

	public MediaUrls(String configuredBase) {
		this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null
				: configuredBase.replaceAll("/+$", "");
		this.base = this.configuredBase != null ? this.configuredBase : "http://localhost:8084";
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.configuredBase == null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
			this.base = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	public String urlOf(String key) {
		return this.base + "/media/" + key;
	}
}
