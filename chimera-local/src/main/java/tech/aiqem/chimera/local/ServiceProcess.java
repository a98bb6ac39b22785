package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service as a child JVM: started from its executable jar with the shared environment, its output
 * appended to a log file, restarted with backoff when it dies unexpectedly, stopped with SIGTERM (then
 * SIGKILL after a grace period) when the launcher stops.
 */
final class ServiceProcess {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	/**
	 * Jars or directories added to every service's class path, separated by the path separator; the fault
	 * suite puts offline-model's test jar (the slow-model knob) there. Unset for {@code ./chimera}.
	 */
	static final String EXTRA_CLASSPATH = "CHIMERA_EXTRA_CLASSPATH";

	private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private final Service service;

	private final Path jar;

	private final Path logFile;

	private final Map<String, String> environment;

	private final List<String> javaOpts;

	private final boolean restartCrashed;

	private volatile Process process;

	private volatile boolean stopping;

	private int restarts;

	ServiceProcess(Service service, Path jar, Path logFile, Map<String, String> environment, List<String> javaOpts,
			boolean restartCrashed) {
		this.service = service;
		this.jar = jar;
		this.logFile = logFile;
		this.environment = environment;
		this.javaOpts = javaOpts;
		this.restartCrashed = restartCrashed;
	}

	synchronized void start() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(this.javaOpts);
		command.add("-Djava.awt.headless=true");
		String extra = extraClasspath();
		if (extra.isEmpty()) {
			command.add("-jar");
			command.add(this.jar.toString());
		}
		else {
			// Boot's PropertiesLauncher runs the same jar with the extra entries in front of its own
			command.add("-Dloader.path=" + extra);
			command.add("-cp");
			command.add(this.jar.toString());
			command.add(PROPERTIES_LAUNCHER);
		}
		try {
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			// the launcher's own environment is inherited, less the secrets this service must not hold
			builder.environment().keySet().removeAll(ServiceSecrets.withheldFrom(this.service));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.service.label(), ex);
		}
		Process started = this.process;
		started.onExit().thenAccept(this::exited);
	}

	/** {@link #EXTRA_CLASSPATH} from this service's environment or the launcher's, as {@code loader.path} takes it. */
	private String extraClasspath() {
		String value = this.environment.getOrDefault(EXTRA_CLASSPATH, System.getenv(EXTRA_CLASSPATH));
		if (value == null || value.isBlank()) {
			return "";
		}
		return String.join(",", value.trim().split(java.io.File.pathSeparator));
	}

	private void exited(Process exited) {
		if (this.stopping || exited != this.process) {
			return;
		}
		log.warn("{} exited with code {}; see {}", this.service.label(), exited.exitValue(), this.logFile);
		if (!this.restartCrashed) {
			return;
		}
		long backoff = Math.min(30_000, 1000L << Math.min(this.restarts++, 5));
		Thread restart = new Thread(() -> {
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (!this.stopping) {
				log.info("Restarting {}", this.service.label());
				start();
			}
		}, "restart-" + this.service.module());
		restart.setDaemon(true);
		restart.start();
	}

	/** Starts the service again after {@link #stop}, e.g. to bring a stopped judge back in a test. */
	synchronized void restart() {
		this.stopping = false;
		start();
	}

	Service service() {
		return this.service;
	}

	long pid() {
		Process current = this.process;
		return current == null ? -1 : current.pid();
	}

	boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * SIGKILL, as a crash would end it: no shutdown hook runs, nothing is returned to a queue. Not
	 * restarted automatically; {@link #restart} brings it back.
	 */
	void kill() {
		this.stopping = true;
		Process current = this.process;
		if (current == null) {
			return;
		}
		current.destroyForcibly();
		try {
			current.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGTERM, so Spring shuts down gracefully (workers return their tasks); SIGKILL after the grace period. */
	void stop(Duration grace) {
		this.stopping = true;
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("{} did not stop within {} s; killing it", this.service.label(), grace.toSeconds());
				current.descendants().forEach(ProcessHandle::destroyForcibly);
				current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			current.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
