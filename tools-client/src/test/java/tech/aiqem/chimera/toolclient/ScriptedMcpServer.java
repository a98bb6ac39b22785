package tech.aiqem.chimera.toolclient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import tech.aiqem.chimera.model.ChimeraJson;

import tools.jackson.databind.JsonNode;

/**
 * An MCP server over Streamable HTTP that answers from recorded JSON-RPC results: {@code initialize} opens a
 * session, notifications are accepted, and each method (or {@code tools/call} of a tool) answers with what the
 * test scripted for it. A scripted answer may wait for {@link #release()} so that calls overlap.
 */
final class ScriptedMcpServer extends Dispatcher implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Function<JsonNode, MockResponse>> answers = new ConcurrentHashMap<>();

	private final Map<String, CountDownLatch> arrived = new ConcurrentHashMap<>();

	private final CountDownLatch released = new CountDownLatch(1);

	final AtomicInteger sessions = new AtomicInteger();

	ScriptedMcpServer() throws java.io.IOException {
		this.server.setDispatcher(this);
		this.server.start();
	}

	URI url() {
		return this.server.url("/mcp").uri();
	}

	/** {@code key} is a method ({@code tools/list}) or a tool ({@code tools/call generate_image}). */
	ScriptedMcpServer answer(String key, Function<JsonNode, MockResponse> answer) {
		this.answers.put(key, answer);
		return this;
	}

	/** Answers {@code key} with a JSON-RPC result, once {@link #release()} was called. */
	ScriptedMcpServer answerAfterRelease(String key, String resultJson) {
		return answer(key, request -> {
			await(this.released);
			return result(request, resultJson);
		});
	}

	/** Requests received so far, the session's own included. */
	int requestCount() {
		return this.server.getRequestCount();
	}

	void release() {
		this.released.countDown();
	}

	/** Waits until a request for {@code key} has arrived. */
	boolean arrived(String key) throws InterruptedException {
		return latch(key).await(10, TimeUnit.SECONDS);
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		if (!"POST".equals(request.getMethod())) {
			// no server-sent event stream and nothing to delete
			return new MockResponse().setResponseCode("DELETE".equals(request.getMethod()) ? 200 : 405);
		}
		JsonNode message = ChimeraJson.tree(request.getBody().readUtf8());
		String method = message.path("method").asString();
		if (!message.has("id")) {
			return new MockResponse().setResponseCode(202);
		}
		if ("initialize".equals(method)) {
			String version = message.path("params").path("protocolVersion").asString();
			return result(message, """
					{"protocolVersion": "%s", "capabilities": {"tools": {}, "resources": {}},
					 "serverInfo": {"name": "scripted", "version": "1"}}""".formatted(version))
				.setHeader("Mcp-Session-Id", "session-" + this.sessions.incrementAndGet());
		}
		String key = "tools/call".equals(method) ? method + " " + message.path("params").path("name").asString() : method;
		latch(key).countDown();
		Function<JsonNode, MockResponse> answer = this.answers.get(key);
		return (answer != null) ? answer.apply(message) : new MockResponse().setResponseCode(500).setBody("not scripted: " + key);
	}

	static MockResponse result(JsonNode request, String resultJson) {
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("{\"jsonrpc\": \"2.0\", \"id\": " + request.path("id") + ", \"result\": " + resultJson + "}");
	}

	private CountDownLatch latch(String key) {
		return this.arrived.computeIfAbsent(key, k -> new CountDownLatch(1));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() throws java.io.IOException {
		release();
		this.server.shutdown();
	}
}
