package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;
import tech.aiqem.chimera.embedded.chain.LocalChain;

/** The one-command launcher: {@code ./chimera}. */
public final class ChimeraLocal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChimeraLocal.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final LocalOptions options;

	private final ServiceSecrets secrets = new ServiceSecrets();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);

	private PostgresServer postgres;

	private RedisServer redis;

	private LocalChain chain;

	private LocalFaucet faucet;

	private volatile boolean closed;

	private String jdbcUrl;

	private Map<Service, Path> jars;

	private Map<String, String> sharedEnv;

	private ChimeraLocal(LocalOptions options) {
		this.options = options;
	}

	/** Starts everything and waits until every service is ready; on failure stops what it started. */
	static ChimeraLocal start(LocalOptions options, Duration timeout) {
		ChimeraLocal local = new ChimeraLocal(options);
		try {
			local.startAll(timeout);
			return local;
		}
		catch (RuntimeException ex) {
			local.close();
			throw ex;
		}
	}

	private void startAll(Duration timeout) {
		long started = System.nanoTime();
		Map<Service, Path> jars = locateJars();
		List<String> taken = StartupCheck.takenPorts(this.options.ports());
		if (!taken.isEmpty()) {
			throw new IllegalStateException(String.join("\n  ", taken));
		}
		String postgresUrl = this.options.postgresUrl();
		if (postgresUrl == null) {
			long step = System.nanoTime();
			PostgresServer server = PostgresServer.start(this.options.dataDir().resolve("postgres"));
			keep(server, () -> this.postgres = server);
			postgresUrl = this.postgres.database("chimera");
			log.info("PostgreSQL (embedded) ready in {}", seconds(step));
		}
		String redisUrl = this.options.redisUrl();
		if (redisUrl == null) {
			long step = System.nanoTime();
			RedisServer server = RedisServer.start(this.options.dataDir().resolve("redis"));
			keep(server, () -> this.redis = server);
			redisUrl = this.redis.url();
			log.info("Redis (embedded) ready in {}", seconds(step));
		}
		long chainStep = System.nanoTime();
		LocalChain startedChain = LocalChain.start();
		keep(startedChain, () -> this.chain = startedChain);
		log.info("Local chain ready in {}", seconds(chainStep));
		Map<String, String> env = new HashMap<>();
		env.put("POSTGRES_URL", postgresUrl);
		env.put("CHIMERA_WALLET_NETWORKS_BASE_RPC_URL", this.chain.rpcUrl());
		env.put("CHIMERA_WALLET_NETWORKS_BASE_USDC_ADDRESS", this.chain.usdcAddress());
		env.put("CHIMERA_WALLET_NETWORKS_BASE_CHAIN_ID", String.valueOf(this.chain.chainId()));
		env.put("CHIMERA_WALLET_KEYSTORE_KDF", "light");
		env.put("REDIS_URL", redisUrl);
		env.put("CHIMERA_TIME_SCALE", String.valueOf(this.options.timeScale()));
		env.put("CHIMERA_TIME_ORIGIN", Instant.now().toString());
		env.put("MCP_TOOLS_URL", "http://127.0.0.1:" + port(Service.MCP_TOOLS) + "/mcp");
		env.put("MEDIA_DIR", this.options.dataDir().resolve("media").toString());
		env.put("CHIMERA_MEMORY_DIR", this.options.dataDir().resolve("memory").toString());
		env.put("CHIMERA_MEMORY_EMBEDDED_DIRECTORY", this.options.dataDir().resolve("memory").toString());
		env.put("MEDIA_PUBLIC_BASE_URL", "http://localhost:" + port(Service.MCP_TOOLS) + "/media");
		this.secrets.keep(LocalSecrets.walletPassphrase(this.options.dataDir()),
				AdminPassword.ensure(this.options.dataDir(), System.getenv("CHIMERA_ADMIN_PASSWORD")));
		env.putAll(this.options.extraEnv());

		this.jars = jars;
		this.sharedEnv = Map.copyOf(env);
		// The orchestrator applies the migrations; the others only validate them, so it goes first.
		log.info("Starting {} (it applies the database migrations first)", Service.ORCHESTRATOR.label());
		// Each phase gets the whole timeout from its own launch: a busy machine's slow embedded servers do not
		// eat the services' time, and a service that fails is reported at once anyway.
		launch(Service.ORCHESTRATOR, jars, env);
		awaitReady(List.of(Service.ORCHESTRATOR), Instant.now().plus(timeout), started);
		log.info("Starting {}", Service.afterOrchestrator().stream().map(Service::label).toList());
		for (Service service : Service.afterOrchestrator()) {
			launch(service, jars, env);
		}
		awaitReady(Service.afterOrchestrator(), Instant.now().plus(timeout), started);
		this.jdbcUrl = postgresUrl.startsWith("jdbc:") ? postgresUrl
				: tech.aiqem.chimera.model.PostgresUrl.parse(postgresUrl).jdbcUrl();
		this.faucet = new LocalFaucet(this.chain, this.jdbcUrl);
		this.faucet.start();
		log.info("All services ready in {}", seconds(started));
	}

	/**
	 * Keeps what start-up just started, unless the launcher was stopped meanwhile (Ctrl-C during start-up):
	 * then it is closed at once, so nothing outlives the launcher.
	 */
	private synchronized void keep(AutoCloseable started, Runnable assign) {
		if (this.closed) {
			try {
				started.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {}: {}", started, ex.getMessage());
			}
			throw new IllegalStateException("stopped during start-up");
		}
		assign.run();
	}

	private synchronized void launch(Service service, Map<Service, Path> jars, Map<String, String> shared) {
		if (this.closed) {
			throw new IllegalStateException("stopped during start-up");
		}
		Map<String, String> env = new HashMap<>(shared);
		env.putAll(this.secrets.envFor(service));
		// what the caller gives explicitly wins (the fault suite and the benchmark set the admin's password)
		env.putAll(this.options.extraEnv());
		env.put("SERVER_PORT", String.valueOf(port(service)));
		List<String> javaOpts = javaOpts(service, this.options.javaOpts());
		ServiceProcess process = new ServiceProcess(service, jars.get(service),
				this.options.dataDir().resolve("logs").resolve(service.module() + ".log"), env, javaOpts,
				this.options.restartCrashed());
		this.processes.put(service, process);
		process.start();
	}

	/** The service's own heap first, then the shared options, so an {@code -Xmx} in CHIMERA_JAVA_OPTS wins. */
	static List<String> javaOpts(Service service, String shared) {
		List<String> options = new ArrayList<>();
		options.add("-Xmx" + service.heap());
		Arrays.stream(shared.trim().split("\\s+")).filter(s -> !s.isBlank()).forEach(options::add);
		return options;
	}

	/**
	 * Waits for the services together, saying each one's readiness with its time as it comes; fails at once,
	 * with the end of its log, when one exits before it is ready, and at the deadline otherwise.
	 */
	private void awaitReady(List<Service> services, Instant deadline, long since) {
		List<Service> waiting = new ArrayList<>(services);
		while (!waiting.isEmpty()) {
			if (this.closed) {
				throw new IllegalStateException("stopped during start-up");
			}
			for (Service service : List.copyOf(waiting)) {
				ServiceProcess process = this.processes.get(service);
				if (isReady(service)) {
					waiting.remove(service);
					log.info("{} ready on {} ({} since start)", service.label(), url(service), seconds(since));
				}
				else if (process != null && !process.isAlive()) {
					throw new IllegalStateException(service.label() + " stopped before it was ready. The end of "
							+ logFile(service) + ":\n" + StartupCheck.tail(logFile(service), 25));
				}
			}
			if (waiting.isEmpty()) {
				break;
			}
			if (Instant.now().isAfter(deadline)) {
				Service first = waiting.get(0);
				throw new IllegalStateException(waiting.stream().map(Service::label).toList() + " not ready in time. The end of "
						+ logFile(first) + ":\n" + StartupCheck.tail(logFile(first), 25));
			}
			sleep(250);
		}
	}

	private static String seconds(long sinceNanos) {
		return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
	}

	/**
	 * Stops a service and starts it again with more environment (the benchmark gives the worker and the
	 * judge a slower model this way), waiting until it is ready.
	 */
	void relaunch(Service service, Map<String, String> more, Duration timeout) {
		ServiceProcess old = this.processes.get(service);
		if (old != null) {
			old.stop(GRACE);
		}
		Map<String, String> env = new HashMap<>(this.sharedEnv);
		env.putAll(more);
		launch(service, this.jars, env);
		awaitReady(List.of(service), Instant.now().plus(timeout), System.nanoTime());
	}

	/** True when the service's readiness probe answers UP. */
	boolean isReady(Service service) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(3))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The local chain the launcher started (tests read balances from it). */
	LocalChain chain() {
		return this.chain;
	}

	/** The database the services use, for checks from outside (tests, the fault suite). */
	String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** The length of a Redis list of the running system (tests look into the queues). */
	long redisLength(String key) {
		String url = this.redis != null ? this.redis.url() : this.options.redisUrl();
		io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url);
		try (var connection = client.connect()) {
			return connection.sync().llen(key);
		}
		finally {
			client.shutdown();
		}
	}

	String url(Service service) {
		return "http://localhost:" + port(service);
	}

	int port(Service service) {
		return this.options.ports().get(service);
	}

	Path logFile(Service service) {
		return this.options.dataDir().resolve("logs").resolve(service.module() + ".log");
	}

	ServiceProcess process(Service service) {
		return this.processes.get(service);
	}

	private Map<Service, Path> locateJars() {
		Map<Service, Path> jars = new EnumMap<>(Service.class);
		List<String> missing = new ArrayList<>();
		for (Service service : Service.values()) {
			Path target = this.options.home().resolve(service.module()).resolve("target");
			Path jar = null;
			if (Files.isDirectory(target)) {
				try (Stream<Path> files = Files.list(target)) {
					jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst().orElse(null);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			if (jar == null) {
				missing.add(service.module());
			}
			jars.put(service, jar);
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No executable jar for " + missing + " under " + this.options.home()
					+ "; build first with ./mvnw -DskipTests package (the ./chimera script does)");
		}
		return jars;
	}

	String summary() {
		StringBuilder out = new StringBuilder("\nChimera is running.\n");
		out.append("  Dashboard:      ").append(url(Service.ORCHESTRATOR)).append("/\n");
		if (System.getenv("CHIMERA_ADMIN_PASSWORD") == null || System.getenv("CHIMERA_ADMIN_PASSWORD").isBlank()) {
			out.append("  Login:          ").append(System.getenv().getOrDefault("CHIMERA_ADMIN_EMAIL", "admin@chimera.local"))
				.append(" (password in ").append(this.options.dataDir().resolve(AdminPassword.FILE)).append(")\n");
		}
		out.append("  REST API:       ").append(url(Service.ORCHESTRATOR)).append("/v1  (OpenAPI: ")
			.append(url(Service.ORCHESTRATOR)).append("/v3/api-docs)\n");
		for (Service service : Service.values()) {
			out.append(String.format("  %-15s %s/actuator/health  (pid %d)%n", service.label() + ":", url(service),
					this.processes.get(service).pid()));
		}
		out.append("  MCP tools:      ").append(url(Service.MCP_TOOLS)).append("/mcp\n");
		out.append("  PostgreSQL:     ").append(this.postgres != null ? "embedded, port " + this.postgres.port() : "POSTGRES_URL").append('\n');
		out.append("  Local chain:    ").append(this.chain.rpcUrl()).append(" (test USDC ").append(this.chain.usdcAddress())
			.append("; agent wallets are funded automatically)\n");
		out.append("  Redis:          ").append(this.redis != null ? "embedded, port " + this.redis.port() : "REDIS_URL").append('\n');
		out.append("  Time scale:     x").append(this.options.timeScale()).append("  Logs: ")
			.append(this.options.dataDir().resolve("logs")).append('\n');
		out.append("Press Ctrl-C to stop.\n");
		return out.toString();
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<ServiceProcess> running = new ArrayList<>(this.processes.values());
		// Stop the services in parallel (each gets its grace period), then the servers they used.
		List<Thread> stoppers = running.stream().map(p -> new Thread(() -> p.stop(GRACE), "stop-" + p.service().module())).toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.faucet != null) {
			this.faucet.close();
		}
		if (this.chain != null) {
			this.chain.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	public static void main(String[] args) throws InterruptedException {
		LocalOptions options;
		try {
			options = LocalOptions.fromEnvironment(System.getenv(), args);
		}
		catch (LocalOptions.UsageException | NumberFormatException ex) {
			if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
				System.out.println(ex.getMessage());
				System.exit(0);
			}
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		ChimeraLocal[] running = new ChimeraLocal[1];
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (running[0] != null) {
				System.out.println("\nStopping Chimera...");
				running[0].close();
				System.out.println("Stopped.");
			}
			stopped.countDown();
		}, "chimera-shutdown"));
		try {
			// Per start-up phase; a failing service is reported at once, so this only bounds a slow machine.
			String seconds = System.getenv().getOrDefault("CHIMERA_START_TIMEOUT", "300");
			// Known to the shutdown hook before anything starts: Ctrl-C during start-up stops what has started.
			ChimeraLocal starting = new ChimeraLocal(options);
			running[0] = starting;
			try {
				starting.startAll(Duration.ofSeconds(Long.parseLong(seconds.strip())));
			}
			catch (RuntimeException ex) {
				starting.close();
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			System.err.println("\nChimera did not start: " + ex.getMessage());
			System.exit(1);
		}
		System.out.println(running[0].summary());
		stopped.await();
	}
}
