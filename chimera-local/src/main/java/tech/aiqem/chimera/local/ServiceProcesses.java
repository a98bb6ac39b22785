package tech.aiqem.chimera.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services as supervised child processes: each launched from its jar with the shared environment, its
 * secrets and its port, awaited until its readiness probe answers, relaunched with more environment, and
 * all stopped together. Once stopped, nothing launches any more (Ctrl-C during start-up).
 */
final class ServiceProcesses {

	/** The launcher's logger: what a user of {@code ./chimera} reads. */
	private static final Logger log = LoggerFactory.getLogger(ChimeraLocal.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final LocalOptions options;

	private final ServiceSecrets secrets;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);

	private final Map<Service, Path> jars;

	private final Map<String, String> sharedEnv;

	private volatile boolean stopped;

	/**
	 * @param jars each service's executable jar
	 * @param sharedEnv what every service gets (databases, chain, time, directories)
	 */
	ServiceProcesses(LocalOptions options, ServiceSecrets secrets, Map<Service, Path> jars, Map<String, String> sharedEnv) {
		this.options = options;
		this.secrets = secrets;
		this.jars = Map.copyOf(jars);
		this.sharedEnv = Map.copyOf(sharedEnv);
	}

	/** Launches the services without waiting for them. */
	void launch(List<Service> services) {
		for (Service service : services) {
			launch(service, this.sharedEnv);
		}
	}

	private synchronized void launch(Service service, Map<String, String> shared) {
		if (this.stopped) {
			throw new IllegalStateException("stopped during start-up");
		}
		Map<String, String> env = new HashMap<>(shared);
		env.putAll(this.secrets.envFor(service));
		// what the caller gives explicitly wins (the fault suite and the benchmark set the admin's password)
		env.putAll(this.options.extraEnv());
		env.put("SERVER_PORT", String.valueOf(this.options.ports().get(service)));
		ServiceProcess process = new ServiceProcess(service, this.jars.get(service), this.options.logFile(service), env,
				javaOpts(service, this.options.javaOpts()), this.options.restartCrashed());
		this.processes.put(service, process);
		process.start();
	}

	/**
	 * The service's own heap and options first, then the shared options, so an {@code -Xmx} (or any option)
	 * in CHIMERA_JAVA_OPTS wins.
	 */
	static List<String> javaOpts(Service service, String shared) {
		List<String> options = new ArrayList<>();
		options.add("-Xmx" + service.heap());
		options.addAll(service.jvmOptions());
		Arrays.stream(shared.trim().split("\\s+")).filter(s -> !s.isBlank()).forEach(options::add);
		return options;
	}

	/**
	 * Waits for the services together, saying each one's readiness with its time as it comes; fails at once,
	 * with the end of its log, when one exits before it is ready, and at the deadline otherwise.
	 */
	void awaitReady(List<Service> services, Instant deadline, long since) {
		List<Service> waiting = new ArrayList<>(services);
		while (!waiting.isEmpty()) {
			if (this.stopped) {
				throw new IllegalStateException("stopped during start-up");
			}
			for (Service service : List.copyOf(waiting)) {
				ServiceProcess process = this.processes.get(service);
				if (isReady(service)) {
					waiting.remove(service);
					log.info("{} ready on {} ({} since start)", service.label(), this.options.url(service), seconds(since));
				}
				else if (process != null && !process.isAlive()) {
					throw new IllegalStateException(service.label() + " stopped before it was ready. The end of "
							+ this.options.logFile(service) + ":\n" + StartupCheck.tail(this.options.logFile(service), 25));
				}
			}
			if (waiting.isEmpty()) {
				break;
			}
			if (Instant.now().isAfter(deadline)) {
				Service first = waiting.get(0);
				throw new IllegalStateException(waiting.stream().map(Service::label).toList() + " not ready in time. The end of "
						+ this.options.logFile(first) + ":\n" + StartupCheck.tail(this.options.logFile(first), 25));
			}
			sleep(250);
		}
	}

	/** Stops a service and starts it again with more environment, waiting until it is ready. */
	void relaunch(Service service, Map<String, String> more, Duration timeout) {
		ServiceProcess old = this.processes.get(service);
		if (old != null) {
			old.stop(GRACE);
		}
		Map<String, String> env = new HashMap<>(this.sharedEnv);
		env.putAll(more);
		launch(service, env);
		awaitReady(List.of(service), Instant.now().plus(timeout), System.nanoTime());
	}

	/** True when the service's readiness probe answers UP. */
	boolean isReady(Service service) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.options.url(service) + "/actuator/health/readiness"))
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

	ServiceProcess process(Service service) {
		return this.processes.get(service);
	}

	/** Stops every service in parallel, each with its grace period; nothing launches afterwards. */
	synchronized void stopAll() {
		this.stopped = true;
		List<Thread> stoppers = this.processes.values().stream()
			.map(p -> new Thread(() -> p.stop(GRACE), "stop-" + p.service().module()))
			.toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static String seconds(long sinceNanos) {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
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
}
