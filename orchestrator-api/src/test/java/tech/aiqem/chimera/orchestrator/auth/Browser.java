package tech.aiqem.chimera.orchestrator.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;

/**
 * An HTTP client that keeps cookies the way a browser does, and optionally sends headers on every
 * request (an API key). What the dashboard does is spelled out by the calls a test makes.
 */
public final class Browser {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Browser(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	public static Browser withKey(int port, String apiKey) {
		Browser browser = new Browser(port);
		browser.headers.put("Authorization", "Bearer " + apiKey);
		return browser;
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst().orElse(null);
	}

	public Reply get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Reply send(String method, String path, Object body) {
		return send(method, path, body, Map.of());
	}

	/** Sends the current XSRF-TOKEN cookie back as X-XSRF-TOKEN, as the dashboard must on every change. */
	public Reply sendWithCsrf(String method, String path, Object body) {
		String token = cookie("XSRF-TOKEN");
		return send(method, path, body, token == null ? Map.of() : Map.of("X-XSRF-TOKEN", token));
	}

	public Reply send(String method, String path, Object body, Map<String, String> extra) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : ChimeraJson.write(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		this.headers.forEach(request::header);
		extra.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Reply(int status, Map<String, List<String>> headers, String text) {

		public JsonNode json() {
			return this.text == null || this.text.isBlank() ? null : ChimeraJson.tree(this.text);
		}

		public String code() {
			JsonNode json = json();
			return json == null || json.get("code") == null ? null : json.get("code").asString();
		}

		public List<String> header(String name) {
			return this.headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream()).toList();
		}

		public String contentType() {
			return header("content-type").stream().findFirst().orElse(null);
		}
	}
}
