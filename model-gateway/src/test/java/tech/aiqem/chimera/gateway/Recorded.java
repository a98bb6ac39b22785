package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Recorded provider answers from {@code src/test/resources/models} as MockWebServer responses. */
final class Recorded {

	private Recorded() {
	}

	/** {@code models/<name>} with the given status; headers from {@code models/<headers>} when given. */
	static MockResponse response(int status, String name, String headers) {
		MockResponse response = new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody(text(name));
		if (headers != null) {
			for (String line : text(headers).split("\n")) {
				if (!line.isBlank()) {
					int colon = line.indexOf(':');
					response.addHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
				}
			}
		}
		return response;
	}

	static MockResponse response(int status, String name) {
		return response(status, name, null);
	}

	/** The provider's normal answer, the one the fallback tests expect from the next provider. */
	static MockResponse ok(String provider) {
		return switch (provider) {
			case "gemini" -> response(200, "gemini/generate_content_200.json");
			case "anthropic" -> response(200, "anthropic/messages_200.json");
			case "openai" -> response(200, "openai/chat_completions_200.json");
			default -> throw new IllegalArgumentException(provider);
		};
	}

	/** The provider's API base URL on a local server, with the path prefix the real API has. */
	static String baseUrl(String provider, MockWebServer server) {
		return switch (provider) {
			case "gemini" -> server.url("/v1beta").toString();
			case "anthropic" -> server.url("/v1/").toString();
			case "openai" -> server.url("/v1").toString();
			default -> throw new IllegalArgumentException(provider);
		};
	}

	static String text(String name) {
		try (InputStream in = Recorded.class.getResourceAsStream("/models/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture models/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
