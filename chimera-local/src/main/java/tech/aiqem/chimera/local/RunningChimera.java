package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tech.aiqem.chimera.embedded.FreePorts;
import tech.aiqem.chimera.embedded.chain.LocalChain;

/**
 * The whole system started the way {@code ./chimera} starts it, for tests outside this package (the
 * dashboard's browser tests, the fault suite): the services' packaged jars, PostgreSQL and Redis
 * (embedded, or the servers given), free ports. The fault suite also kills, stops and restarts services.
 */
public final class RunningChimera implements AutoCloseable {

	private final ChimeraLocal local;

	private RunningChimera(ChimeraLocal local) {
		this.local = local;
	}

	/**
	 * @param timeScale how much faster than real time campaigns run
	 * @param extraEnv variables every service gets (e.g. {@code HITL_CONFIDENCE_THRESHOLD}); with
	 * {@code CHIMERA_JAVA_OPTS} also the services' JVM options, as for {@code ./chimera}
	 */
	public static RunningChimera start(Path dataDir, double timeScale, Map<String, String> extraEnv) throws Exception {
		return new RunningChimera(ChimeraLocal.start(options(dataDir, timeScale, extraEnv), Duration.ofSeconds(300)));
	}

	/**
	 * Starts the services on the PostgreSQL and Redis given (which the caller may stop and restart) and
	 * without the launcher's restart of crashed services: whoever kills one brings it back with
	 * {@link #restart(Service)}.
	 */
	public static RunningChimera start(Path dataDir, double timeScale, String postgresUrl, String redisUrl,
			Map<String, String> extraEnv) throws Exception {
		LocalOptions defaults = options(dataDir, timeScale, extraEnv);
		LocalOptions options = new LocalOptions(defaults.home(), defaults.dataDir(), defaults.ports(), timeScale,
				postgresUrl, redisUrl, defaults.javaOpts(), false, defaults.extraEnv());
		return new RunningChimera(ChimeraLocal.start(options, Duration.ofSeconds(240)));
	}

	private static LocalOptions options(Path dataDir, double timeScale, Map<String, String> extraEnv) throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("CHIMERA_HOME", repositoryRoot().toString());
		env.put("CHIMERA_DATA_DIR", dataDir.toString());
		env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
		env.put("CHIMERA_TIME_SCALE", String.valueOf(timeScale));
		if (extraEnv.containsKey("CHIMERA_JAVA_OPTS")) {
			env.put("CHIMERA_JAVA_OPTS", extraEnv.get("CHIMERA_JAVA_OPTS"));
		}
		return LocalOptions.fromEnvironment(env, new String[0]).withExtraEnv(extraEnv);
	}

	public static Path repositoryRoot() {
		return Path.of(System.getenv().getOrDefault("CHIMERA_REPO_ROOT", "..")).toAbsolutePath().normalize();
	}

	/** The orchestrator's base URL: the dashboard and the /v1 API. */
	public String url() {
		return this.local.url(Service.ORCHESTRATOR);
	}

	/** A service's base URL (its actuator is under it). */
	public String url(Service service) {
		return this.local.url(service);
	}

	/** True when the service's readiness probe answers UP. */
	public boolean isReady(Service service) {
		return this.local.isReady(service);
	}

	/** The JDBC URL of the database the services use. */
	public String jdbcUrl() {
		return this.local.jdbcUrl();
	}

	/** The local chain payments are sent on. */
	public LocalChain chain() {
		return this.local.chain();
	}

	/** The process id of the service's current JVM (-1 when none runs). */
	public long pid(Service service) {
		return this.local.process(service).pid();
	}

	public boolean isAlive(Service service) {
		return this.local.process(service).isAlive();
	}

	/** kill -9: the service dies where it is, as in a crash. */
	public void kill(Service service) {
		this.local.process(service).kill();
	}

	/** SIGTERM, then SIGKILL after the grace period; true when it exited within the grace period. */
	public boolean terminate(Service service, Duration grace) {
		long started = System.nanoTime();
		this.local.process(service).stop(grace);
		return !this.local.process(service).isAlive() && System.nanoTime() - started < grace.toNanos();
	}

	/** Starts the service again after {@link #kill} or {@link #terminate}. */
	public void restart(Service service) {
		this.local.process(service).restart();
	}

	/** Where a service's output goes. */
	public Path logFile(Service service) {
		return this.local.logFile(service);
	}

	@Override
	public void close() {
		this.local.close();
	}

}
