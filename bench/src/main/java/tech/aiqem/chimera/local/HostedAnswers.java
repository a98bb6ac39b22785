package tech.aiqem.chimera.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;

/**
 * What {@link HostedStandIns} answers, in the shapes of the hosted APIs' own responses (X API v2: {@code 201}
 * with {@code data.id}, rate-limit headers, problem+json errors; Ideogram: {@code data[]} with {@code url},
 * {@code resolution}, {@code seed}, {@code is_image_safe}; Weaviate: REST schema, tenants and batch results,
 * GraphQL {@code data.Get.AgentMemory} with {@code _additional.distance}). Bodies are precomputed or filled by
 * string substitution; nothing is parsed beyond what the answer needs. A call the adapters do not make gets a
 * 404 naming it, counted, so a run shows when the adapters and the stand-ins disagree.
 */
final class HostedAnswers {

	/** One answer; {@code delayed} false for what a CDN or a metadata endpoint serves at once. */
	record Answer(String route, int status, Map<String, String> headers, byte[] body, boolean delayed) {

		static Answer json(String route, int status, String body, boolean delayed) {
			return new Answer(route, status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
					delayed);
		}
	}

	static final String IDEOGRAM_PATH = "/v2/image/generate/ideogram-3-character";

	static final String IMAGE_PATH = "/ideogram/ephemeral/";

	private final String baseUrl;

	private final AtomicLong ids = new AtomicLong(1_870_000_000_000_000_000L);

	private final Map<String, byte[]> schema = new ConcurrentHashMap<>();

	private final String memories;

	HostedAnswers(String baseUrl) {
		this.baseUrl = baseUrl;
		// remembered an hour before the run: inside any 'since' window the worker asks for
		this.memories = StandInBodies.memories(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
	}

	String baseUrl() {
		return this.baseUrl;
	}

	Answer answer(String method, String path, Headers headers, byte[] body) {
		String call = method + " " + path;
		if (path.startsWith("/2/")) {
			return x(method, path, headers, body);
		}
		if (call.equals("POST " + IDEOGRAM_PATH)) {
			return ideogram(headers, body);
		}
		if (method.equals("GET") && path.startsWith(IMAGE_PATH) && path.endsWith(".png")) {
			return new Answer("GET " + IMAGE_PATH + "*.png", 200, Map.of("Content-Type", "image/png"), StandInBodies.PNG, false);
		}
		if (path.startsWith("/v1/")) {
			return weaviate(method, path, body);
		}
		return Answer.json("unknown " + call, 404, "{\"error\":\"no stand-in for " + call + "\"}", false);
	}

	private Answer x(String method, String path, Headers headers, byte[] body) {
		String auth = headers.getFirst("Authorization");
		if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 8) {
			return Answer.json("X " + method + " " + path, 401, StandInBodies.X_UNAUTHORIZED, true);
		}
		Map<String, String> limits = Map.of("Content-Type", "application/json", "x-rate-limit-limit", "1000000",
				"x-rate-limit-remaining", "999999", "x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()));
		if (method.equals("POST") && path.equals("/2/tweets")) {
			String text = StandInBodies.jsonStringField(new String(body, StandardCharsets.UTF_8), "text");
			if (text == null) {
				return Answer.json("POST /2/tweets", 400, StandInBodies.X_INVALID_REQUEST, true);
			}
			String answer = "{\"data\":{\"id\":\"" + this.ids.incrementAndGet() + "\",\"text\":" + text + "}}";
			return new Answer("POST /2/tweets", 201, limits, answer.getBytes(StandardCharsets.UTF_8), true);
		}
		if (method.equals("GET") && path.matches("/2/users/[0-9]+/(tweets|mentions)")) {
			// nothing posted earlier is listed (a retry posts again) and nobody mentions the agents, as in the sandbox
			String route = "GET /2/users/:id/" + path.substring(path.lastIndexOf('/') + 1);
			return new Answer(route, 200, limits, StandInBodies.X_EMPTY_TIMELINE, true);
		}
		return Answer.json("X " + method + " " + path, 404, StandInBodies.X_NOT_FOUND, true);
	}

	private Answer ideogram(Headers headers, byte[] body) {
		String route = "POST " + IDEOGRAM_PATH;
		String key = headers.getFirst("Api-Key");
		if (key == null || key.isBlank()) {
			return Answer.json(route, 401, "{\"detail\":\"Unauthorized\"}", true);
		}
		String form = new String(body, StandardCharsets.ISO_8859_1);
		String prompt = StandInBodies.formField(form, "prompt");
		if (prompt == null || !form.contains("name=\"character_reference_images\"; filename=")) {
			return Answer.json(route, 400, "{\"detail\":\"prompt and character_reference_images are required\"}", true);
		}
		String utf8Prompt = new String(prompt.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		long seed = this.ids.incrementAndGet() % 2_147_483_647L;
		String answer = "{\"created\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"data\":[{\"prompt\":"
				+ StandInBodies.quote(utf8Prompt) + ",\"resolution\":\"" + StandInBodies.PNG_RESOLUTION
				+ "\",\"is_image_safe\":true,\"seed\":" + seed + ",\"url\":\"" + this.baseUrl + IMAGE_PATH + seed
				+ ".png\",\"style_type\":\"" + StandInBodies.formField(form, "style_type") + "\"}]}";
		return Answer.json(route, 200, answer, true);
	}

	private Answer weaviate(String method, String path, byte[] body) {
		String call = method + " " + path;
		return switch (call) {
			case "GET /v1/meta" -> Answer.json(call, 200, StandInBodies.WEAVIATE_META, false);
			case "GET /v1/.well-known/ready", "GET /v1/.well-known/live" -> new Answer(call, 200, Map.of(), new byte[0], false);
			case "POST /v1/schema" -> {
				String name = StandInBodies.jsonStringField(new String(body, StandardCharsets.UTF_8), "class");
				this.schema.put(name == null ? "" : name.replace("\"", ""), body);
				yield new Answer(call, 200, Map.of("Content-Type", "application/json"), body, true);
			}
			case "POST /v1/batch/objects" -> Answer.json(call, 200, StandInBodies.batchResults(new String(body, StandardCharsets.UTF_8)), true);
			case "POST /v1/graphql" -> Answer.json(call, 200, StandInBodies.graphql(new String(body, StandardCharsets.UTF_8), this.memories), true);
			default -> {
				if (method.equals("GET") && path.startsWith("/v1/schema/") && path.indexOf('/', 11) < 0) {
					byte[] known = this.schema.get(path.substring(11));
					yield known == null ? new Answer("GET /v1/schema/:class", 404, Map.of(), new byte[0], true)
							: new Answer("GET /v1/schema/:class", 200, Map.of("Content-Type", "application/json"), known, true);
				}
				if (method.equals("POST") && path.matches("/v1/schema/[A-Za-z0-9_]+/tenants")) {
					// Tenant[] in, Tenant[] out (activityStatus defaults to ACTIVE; the client reads only names)
					yield new Answer("POST /v1/schema/:class/tenants", 200, Map.of("Content-Type", "application/json"), body, true);
				}
				yield Answer.json("Weaviate " + call, 404, "{\"error\":[{\"message\":\"no stand-in for " + call + "\"}]}", false);
			}
		};
	}
}
