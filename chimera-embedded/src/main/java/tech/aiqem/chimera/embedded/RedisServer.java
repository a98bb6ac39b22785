package tech.aiqem.chimera.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server on a free loopback port: the machine's {@code redis-server} when there is one
 * (Debian's 7.x), otherwise the binary shipped inside the embedded-redis jar (6.2).
 */
public final class RedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

	private final int port;

	private final Process process;

	private final redis.embedded.RedisServer shipped;

	private RedisServer(int port, Process process, redis.embedded.RedisServer shipped) {
		this.port = port;
		this.process = process;
		this.shipped = shipped;
	}

	/** Starts a server; with a data directory it keeps an append-only file there and survives restarts. */
	public static RedisServer start(Path dataDirectory) {
		return start(dataDirectory, FreePorts.next());
	}

	/**
	 * Starts a server on the given port: with a data directory, stopped with {@link #close()} and started
	 * again on the same port, it keeps its data (the fault suite restarts it so).
	 */
	public static RedisServer start(Path dataDirectory, int port) {
		String binary = findOnPath("redis-server");
		try {
			RedisServer server;
			if (binary != null) {
				List<String> command = new ArrayList<>(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
						"--save", "", "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"));
				if (dataDirectory != null) {
					Files.createDirectories(dataDirectory);
					command.addAll(List.of("--appendonly", "yes", "--dir", dataDirectory.toAbsolutePath().toString()));
				}
				else {
					command.addAll(List.of("--appendonly", "no"));
				}
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				server = new RedisServer(port, process, null);
			}
			else {
				var builder = redis.embedded.RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"");
				if (dataDirectory != null) {
					Files.createDirectories(dataDirectory);
					builder.setting("appendonly yes").setting("dir " + dataDirectory.toAbsolutePath());
				}
				redis.embedded.RedisServer shipped = builder.build();
				shipped.start();
				server = new RedisServer(port, null, shipped);
			}
			server.awaitReady(Duration.ofSeconds(20));
			log.info("Redis started on port {} ({})", port, binary != null ? binary : "embedded-redis binary");
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Redis", ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port + "/0";
	}

	private void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		RuntimeException last = null;
		while (System.nanoTime() < deadline) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + this.process.exitValue() + " on port " + this.port);
			}
			RedisClient client = RedisClient.create(url());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				if ("PONG".equals(connection.sync().ping())) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
			}
			sleep(50);
		}
		close();
		throw new IllegalStateException("Redis on port " + this.port + " did not answer PING within " + timeout, last);
	}

	static String findOnPath(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			File candidate = new File(dir, name);
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
			File candidate = new File(dir, name);
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		return null;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		if (this.shipped != null) {
			try {
				this.shipped.stop();
			}
			catch (IOException ex) {
				log.warn("Redis did not stop cleanly: {}", ex.getMessage());
			}
		}
	}
}
