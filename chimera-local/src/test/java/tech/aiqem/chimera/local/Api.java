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

/** A small client of the orchestrator's /v1 API for the end-to-end tests. */
final class Api {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Map<String, String> headers;

	Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	Response get(String path) {
		return send("GET", path, null);
	}

	Response post(String path, Object body) {
		return send("POST", path, body);
	}

	Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	Response send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		this.headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(ChimeraJson.write(body)));
		}
		else {
			request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.noBody());
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

	static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	record Response(int status, JsonNode json, String body) {

		Response expect(int wanted) {
			if (this.status != wanted) {
				throw new AssertionError("expected HTTP " + wanted + " but got " + this.status + ": " + this.body);
			}
			return this;
		}
	}
}
