package tech.aiqem.chimera.memory.weaviate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Weaviate on MockWebServer that answers from the recordings in {@code src/test/resources/weaviate}: GraphQL
 * queries by the fragments their query text must contain, schema/tenant/batch calls in the server's shapes.
 * A request without a recording gets a 500 naming it, so a test fails instead of passing by accident.
 */
final class RecordedWeaviate extends Dispatcher {

	/** One request; {@code onConnection} is its index on its HTTP connection (0: the connection's first). */
	record Exchange(String method, String path, String authorization, String body, int onConnection) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The GraphQL query text of a {@code POST /v1/graphql}. */
		String query() {
			return json().get("query").asString();
		}
	}

	private record Route(List<String> fragments, String file) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Route> graphql = new CopyOnWriteArrayList<>();

	private final Map<String, MockResponse> overrides = new ConcurrentHashMap<>();

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private volatile String createdClass;

	/** Answers a GraphQL query that contains every fragment with {@code graphql/<file>}. */
	RecordedWeaviate answer(String file, String... fragments) {
		this.graphql.add(new Route(Arrays.asList(fragments), "graphql/" + file));
		return this;
	}

	/** Answers every {@code method path} with a fixed response, e.g. an error. */
	RecordedWeaviate override(String method, String path, int status, String file) {
		this.overrides.put(method + " " + path, json(status, read(file)));
		return this;
	}

	List<Exchange> exchanges() {
		return new ArrayList<>(this.exchanges);
	}

	List<Exchange> exchanges(String method, String path) {
		return this.exchanges.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).toList();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String path = request.getPath().split("\\?")[0];
		Exchange exchange = new Exchange(request.getMethod(), path, request.getHeader("Authorization"),
				request.getBody().readUtf8(), request.getSequenceNumber());
		this.exchanges.add(exchange);
		MockResponse override = this.overrides.get(exchange.method() + " " + path);
		if (override != null) {
			return override;
		}
		return switch (exchange.method() + " " + path) {
			case "GET /v1/meta" -> json(200, read("meta_200_constructed.json"));
			case "GET /v1/schema/AgentMemory" ->
				this.createdClass != null ? json(200, this.createdClass) : new MockResponse().setResponseCode(404);
			case "POST /v1/schema" -> {
				this.createdClass = exchange.body();
				yield json(200, exchange.body());
			}
			case "POST /v1/schema/AgentMemory/tenants" -> json(200, tenantsEcho(exchange));
			case "POST /v1/batch/objects" -> json(200, batchEcho(exchange));
			case "POST /v1/graphql" -> graphql(exchange);
			default -> unrecorded(exchange);
		};
	}

	private MockResponse graphql(Exchange exchange) {
		String query = exchange.query();
		return this.graphql.stream()
			.filter(route -> route.fragments().stream().allMatch(query::contains))
			.findFirst()
			.map(route -> json(200, read(route.file())))
			.orElseGet(() -> unrecorded(exchange));
	}

	private static String tenantsEcho(Exchange exchange) {
		ArrayNode tenants = (ArrayNode) exchange.json();
		tenants.forEach(t -> {
			if (!t.has("activityStatus")) {
				((ObjectNode) t).put("activityStatus", "ACTIVE");
			}
		});
		return tenants.toString();
	}

	private static String batchEcho(Exchange exchange) {
		ArrayNode answer = JSON.createArrayNode();
		for (JsonNode object : exchange.json().get("objects")) {
			ObjectNode item = answer.addObject();
			item.put("class", object.get("class").asString());
			item.set("properties", object.get("properties"));
			item.put("id", object.get("id").asString());
			item.put("tenant", object.get("tenant").asString());
			item.put("creationTimeUnix", 1770373800000L);
			item.put("lastUpdateTimeUnix", 1770373800000L);
			item.putObject("result").put("status", "SUCCESS");
		}
		return answer.toString();
	}

	private static MockResponse unrecorded(Exchange exchange) {
		ObjectNode error = JSON.createObjectNode();
		error.putArray("error")
			.addObject()
			.put("message", "no recording for " + exchange.method() + " " + exchange.path() + ": " + exchange.body());
		return json(500, error.toString());
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
	}

	static String read(String file) {
		try (InputStream in = RecordedWeaviate.class.getResourceAsStream("/weaviate/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("no recording weaviate/" + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
