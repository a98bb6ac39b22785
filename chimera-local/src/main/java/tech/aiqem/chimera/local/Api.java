package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.model.ChimeraJson;

/** A small client of the orchestrator's /v1 API for the end-to-end and fault tests. */
public final class Api {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Map<String, String> headers;

	public Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	/** The headers this client authenticates with. */
	public Map<String, String> headers() {
		return this.headers;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public Response send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		this.headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(ChimeraJson.write(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? null : ChimeraJson.tree(response.body());
			return new Response(response.statusCode(), json, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Signs in as the bootstrap admin (session cookie and CSRF token, as the dashboard does), creates an
	 * admin API key and returns a client that uses it.
	 */
	public static Api asAdmin(String base, String email, String password) {
		java.net.CookieManager cookies = new java.net.CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		try {
			browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
			HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/login"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(Map.of("email", email, "password", password))))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (login.statusCode() != 200) {
				throw new AssertionError("login failed: " + login.statusCode() + " " + login.body());
			}
			HttpResponse<String> key = browser.send(HttpRequest.newBuilder(URI.create(base + "/v1/api-keys"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(HttpRequest.BodyPublishers.ofString(ChimeraJson.write(Map.of("name", "e2e-tests", "role", "admin"))))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (key.statusCode() != 201) {
				throw new AssertionError("creating an API key failed: " + key.statusCode() + " " + key.body());
			}
			return new Api(base, Map.of("Authorization", "Bearer " + ChimeraJson.tree(key.body()).get("key").asString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String xsrf(java.net.CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(java.net.HttpCookie::getValue).reduce((first, last) -> last).orElse("");
	}

	public static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	public record Response(int status, JsonNode json, String body) {

		public Response expect(int wanted) {
			if (this.status != wanted) {
				throw new AssertionError("expected HTTP " + wanted + " but got " + this.status + ": " + this.body);
			}
			return this;
		}
	}
}
