package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for the hosted services the offline defaults replace: X API v2, Ideogram and Weaviate, answering
 * exactly the calls of mcp-tools' live adapters ({@code XApiPlatform}, {@code IdeogramImageGenerator},
 * {@code WeaviateMemoryStore} with server-side vectors) in those APIs' shapes ({@link HostedAnswers}), after a
 * latency of {@code latency ±25%}. They are not the hosted services: nothing is generated, searched or posted,
 * so the benchmark measures the pipeline's own cost apart from the cost of rendering images and embedding text
 * in mcp-tools. The delay holds no thread: a handler reads the request, builds the answer (precomputed bodies,
 * a few string substitutions) and a scheduler writes it when the delay is over, so thousands of calls can be in
 * flight on a handful of threads and the stand-ins' CPU stays small (it is counted with the benchmark's own).
 * All three APIs are served on one port at the root (their paths do not overlap; Weaviate's URL must be a root).
 */
final class HostedStandIns implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService handlers;

	private final ScheduledExecutorService replies;

	private final Duration latency;

	private final HostedAnswers answers;

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	private HostedStandIns(HttpServer server, ExecutorService handlers, ScheduledExecutorService replies, Duration latency,
			HostedAnswers answers) {
		this.server = server;
		this.handlers = handlers;
		this.replies = replies;
		this.latency = latency;
		this.answers = answers;
	}

	/** Starts the stand-ins on a free port of the loopback interface. */
	static HostedStandIns start(Duration latency) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
			ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("stand-in-handler"));
			ScheduledExecutorService replies = Executors.newScheduledThreadPool(2, daemon("stand-in-reply"));
			String url = "http://127.0.0.1:" + server.getAddress().getPort();
			HostedStandIns standIns = new HostedStandIns(server, handlers, replies, latency, new HostedAnswers(url));
			server.createContext("/", standIns::handle);
			server.setExecutor(handlers);
			server.start();
			return standIns;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the hosted stand-ins", ex);
		}
	}

	/** The base URL of all three APIs, e.g. {@code http://127.0.0.1:40123}. */
	String url() {
		return this.answers.baseUrl();
	}

	Duration latency() {
		return this.latency;
	}

	/** Calls answered so far, by route and status, e.g. {@code "POST /2/tweets 201" -> 812}. */
	Map<String, Long> calls() {
		Map<String, Long> counts = new TreeMap<>();
		this.calls.forEach((route, count) -> counts.put(route, count.sum()));
		return counts;
	}

	private void handle(HttpExchange exchange) {
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HostedAnswers.Answer answer = this.answers.answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders(), body);
			this.calls.computeIfAbsent(answer.route() + " " + answer.status(), k -> new LongAdder()).increment();
			long delay = answer.delayed() ? jittered() : 0;
			if (delay <= 0) {
				reply(exchange, answer);
			}
			else {
				this.replies.schedule(() -> reply(exchange, answer), delay, TimeUnit.MICROSECONDS);
			}
		}
		catch (IOException | RuntimeException ex) {
			reply(exchange, HostedAnswers.Answer.json("failed", 500, "{\"error\":[{\"message\":\"stand-in failed: "
					+ ex.getClass().getSimpleName() + "\"}]}", false));
		}
	}

	/** The latency ±25 %, in microseconds. */
	private long jittered() {
		long micros = this.latency.toNanos() / 1000;
		return micros <= 0 ? 0 : micros * 3 / 4 + ThreadLocalRandom.current().nextLong(micros / 2 + 1);
	}

	private static void reply(HttpExchange exchange, HostedAnswers.Answer answer) {
		try {
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
		catch (IOException ex) {
			// the caller gave up (its timeout): nothing to answer
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.replies.shutdownNow();
		this.handlers.shutdownNow();
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}
}
