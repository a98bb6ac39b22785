package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.embedded.PostgresServer;
import tech.aiqem.chimera.embedded.RedisServer;
import tech.aiqem.chimera.model.PostgresUrl;
import tech.aiqem.chimera.embedded.chain.LocalChain;

/**
 * The one-command launcher: {@code ./chimera}. Starts the servers the services need (embedded PostgreSQL and
 * Redis unless given, the local chain), then the services in order ({@link ServiceProcesses}), then the
 * faucet; stops everything it started.
 */
public final class ChimeraLocal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChimeraLocal.class);

	private final LocalOptions options;

	private final ServiceSecrets secrets = new ServiceSecrets();

	private PostgresServer postgres;

	private RedisServer redis;

	private LocalChain chain;

	private LocalFaucet faucet;

	private ServiceProcesses services;

	private volatile boolean closed;

	private String jdbcUrl;

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
		Map<Service, Path> jars = ServiceJars.locate(this.options.home());
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
			log.info("PostgreSQL (embedded) ready in {}", ServiceProcesses.seconds(step));
		}
		String redisUrl = this.options.redisUrl();
		if (redisUrl == null) {
			long step = System.nanoTime();
			RedisServer server = RedisServer.start(this.options.dataDir().resolve("redis"));
			keep(server, () -> this.redis = server);
			redisUrl = this.redis.url();
			log.info("Redis (embedded) ready in {}", ServiceProcesses.seconds(step));
		}
		long chainStep = System.nanoTime();
		LocalChain startedChain = LocalChain.start();
		keep(startedChain, () -> this.chain = startedChain);
		log.info("Local chain ready in {}", ServiceProcesses.seconds(chainStep));
		Map<String, String> env = LocalEnvironment.shared(this.options, postgresUrl, redisUrl, this.chain);
		this.secrets.keep(LocalSecrets.walletPassphrase(this.options.dataDir()),
				AdminPassword.ensure(this.options.dataDir(), System.getenv("CHIMERA_ADMIN_PASSWORD")));
		ServiceProcesses processes = new ServiceProcesses(this.options, this.secrets, jars, env);
		keep(processes::stopAll, () -> this.services = processes);

		// The orchestrator applies the migrations; the others only validate them, so it goes first.
		log.info("Starting {} (it applies the database migrations first)", Service.ORCHESTRATOR.label());
		// Each phase gets the whole timeout from its own launch: a busy machine's slow embedded servers do not
		// eat the services' time, and a service that fails is reported at once anyway.
		processes.launch(List.of(Service.ORCHESTRATOR));
		processes.awaitReady(List.of(Service.ORCHESTRATOR), Instant.now().plus(timeout), started);
		log.info("Starting {}", Service.afterOrchestrator().stream().map(Service::label).toList());
		processes.launch(Service.afterOrchestrator());
		processes.awaitReady(Service.afterOrchestrator(), Instant.now().plus(timeout), started);
		this.jdbcUrl = postgresUrl.startsWith("jdbc:") ? postgresUrl : PostgresUrl.parse(postgresUrl).jdbcUrl();
		LocalFaucet startedFaucet = new LocalFaucet(this.chain, this.jdbcUrl);
		keep(startedFaucet, () -> this.faucet = startedFaucet);
		startedFaucet.start();
		log.info("All services ready in {}", ServiceProcesses.seconds(started));
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

	/**
	 * Stops a service and starts it again with more environment (the benchmark gives the worker and the
	 * judge a slower model this way), waiting until it is ready.
	 */
	void relaunch(Service service, Map<String, String> more, Duration timeout) {
		this.services.relaunch(service, more, timeout);
	}

	/** True when the service's readiness probe answers UP. */
	boolean isReady(Service service) {
		return this.services.isReady(service);
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
		return this.options.url(service);
	}

	Path logFile(Service service) {
		return this.options.logFile(service);
	}

	ServiceProcess process(Service service) {
		return this.services.process(service);
	}

	/** What {@code ./chimera} prints once everything is ready. */
	String summary() {
		return LocalSummary.render(this.options, this.services, this.postgres, this.redis, this.chain);
	}

	/** Stops the services in parallel (each gets its grace period), then the servers they used. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.services != null) {
			this.services.stopAll();
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
