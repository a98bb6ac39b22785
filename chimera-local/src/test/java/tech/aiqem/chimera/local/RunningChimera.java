package tech.aiqem.chimera.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tech.aiqem.chimera.embedded.FreePorts;

/**
 * The whole system started the way {@code ./chimera} starts it, for tests outside this package (the
 * dashboard's browser tests): the services' packaged jars, embedded PostgreSQL and Redis, free ports.
 */
public final class RunningChimera implements AutoCloseable {

	private final ChimeraLocal local;

	private RunningChimera(ChimeraLocal local) {
		this.local = local;
	}

	/**
	 * @param timeScale how much faster than real time campaigns run
	 * @param extraEnv variables every service gets (e.g. {@code HITL_CONFIDENCE_THRESHOLD})
	 */
	public static RunningChimera start(Path dataDir, double timeScale, Map<String, String> extraEnv) throws Exception {
		Path home = repositoryRoot();
		Map<String, String> env = new HashMap<>();
		env.put("CHIMERA_HOME", home.toString());
		env.put("CHIMERA_DATA_DIR", dataDir.toString());
		env.put("CHIMERA_BASE_PORT", String.valueOf(FreePorts.consecutive(5)));
		env.put("CHIMERA_TIME_SCALE", String.valueOf(timeScale));
		LocalOptions options = LocalOptions.fromEnvironment(env, new String[0]).withExtraEnv(extraEnv);
		return new RunningChimera(ChimeraLocal.start(options, Duration.ofSeconds(180)));
	}

	public static Path repositoryRoot() {
		return Path.of(System.getenv().getOrDefault("CHIMERA_REPO_ROOT", "..")).toAbsolutePath().normalize();
	}

	/** The orchestrator's base URL: the dashboard and the /v1 API. */
	public String url() {
		return this.local.url(Service.ORCHESTRATOR);
	}

	@Override
	public void close() {
		this.local.close();
	}

}
