package tech.aiqem.chimera.infra.loop;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * Runs a {@link Step} over and over on its own thread: at once again while it finds work, after
 * {@code idle} when it finds none, or sooner when {@link #wake()} says there is work (a database
 * notification, say). A failure never kills the thread: it is logged and the loop backs
 * off exponentially up to a minute; losing the database is logged as E2002 and the loop keeps retrying
 * until it comes back (a circuit that opens on failure and closes on the first success). Stops when the
 * application stops, letting the current step finish.
 */
public final class BackgroundLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

	private static final long MAX_BACKOFF_MILLIS = 60_000;

	private final String name;

	private final Step step;

	private final Duration idle;

	private final int threads;

	private volatile boolean running;

	private Thread[] workers = new Thread[0];

	private volatile int consecutiveFailures;

	/** Guards {@link #wakeups}: idle threads wait on it. */
	private final Object idleLock = new Object();

	/** How many times {@link #wake()} was called; a thread idles only while it has not changed since its step began. */
	private long wakeups;

	public BackgroundLoop(String name, Duration idle, int threads, Step step) {
		this.name = name;
		this.step = step;
		this.idle = idle;
		this.threads = threads;
	}

	public BackgroundLoop(String name, Duration idle, Step step) {
		this(name, idle, 1, step);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.workers = new Thread[this.threads];
		for (int i = 0; i < this.threads; i++) {
			Thread thread = new Thread(this::run, this.threads == 1 ? this.name : this.name + "-" + i);
			thread.setDaemon(true);
			this.workers[i] = thread;
			thread.start();
		}
	}

	private void run() {
		while (this.running) {
			long seen = wakeups();
			try {
				boolean worked = this.step.run();
				if (this.consecutiveFailures > 0) {
					log.info("{} recovered after {} failure(s)", this.name, this.consecutiveFailures);
					this.consecutiveFailures = 0;
				}
				if (!worked) {
					idle(seen);
				}
			}
			catch (Exception ex) {
				int failures = ++this.consecutiveFailures;
				long backoff = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(failures, 10));
				tech.aiqem.chimera.model.ChimeraException coded = coded(ex);
				if (coded != null) {
					log.warn("{} {} ({}): {}; retrying in {} ms", this.name, coded.code().name(),
							coded.code().description(), coded.detail(), backoff);
				}
				else if (isDatabaseDown(ex)) {
					log.warn("{} {} ({}): {}; retrying in {} ms", this.name, ErrorCode.E2002.name(),
							ErrorCode.E2002.description(), rootMessage(ex), backoff);
				}
				else if (failures <= 3 || failures % 20 == 0) {
					log.error("{} step failed ({} in a row); retrying in {} ms", this.name, failures, backoff, ex);
				}
				pause(backoff);
			}
		}
	}

	/** True while the last runs failed: readiness can report it. */
	public boolean failing() {
		return this.consecutiveFailures > 0;
	}

	/**
	 * Ends the idle wait of every thread of this loop at once, and makes a thread whose step is running go
	 * round again instead of idling: what the step looked for may have arrived after it looked. A failing
	 * loop keeps its backoff.
	 */
	public void wake() {
		synchronized (this.idleLock) {
			this.wakeups++;
			this.idleLock.notifyAll();
		}
	}

	private long wakeups() {
		synchronized (this.idleLock) {
			return this.wakeups;
		}
	}

	private void idle(long seen) {
		long deadline = System.nanoTime() + this.idle.toNanos();
		synchronized (this.idleLock) {
			try {
				long left;
				while (this.running && this.wakeups == seen && (left = deadline - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.timedWait(this.idleLock, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static tech.aiqem.chimera.model.ChimeraException coded(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof tech.aiqem.chimera.model.ChimeraException chimera) {
				return chimera;
			}
		}
		return null;
	}

	static boolean isDatabaseDown(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException || cause instanceof java.sql.SQLTransientException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		for (Thread worker : this.workers) {
			try {
				worker.join(20_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One unit of work; true when it found something to do. */
	@FunctionalInterface
	public interface Step {

		boolean run() throws Exception;
	}
}
