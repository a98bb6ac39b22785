package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import tech.aiqem.chimera.local.RunningChimera;
import tech.aiqem.chimera.local.Service;

/** Polls every service's readiness while a server is down: who went DOWN, and when all were UP again. */
final class HealthWatch {

	private final RunningChimera chimera;

	private final Set<Service> down = java.util.Collections.synchronizedSet(EnumSet.noneOf(Service.class));

	private volatile boolean allReady = true;

	private volatile long upAgainNanos = -1;

	private volatile boolean running;

	private final long started = System.nanoTime();

	private Thread thread;

	HealthWatch(RunningChimera chimera) {
		this.chimera = chimera;
	}

	void start() {
		this.running = true;
		this.thread = new Thread(this::poll, "health-watch");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void poll() {
		while (this.running) {
			boolean all = true;
			for (Service service : Service.values()) {
				if (!this.chimera.isReady(service)) {
					this.down.add(service);
					all = false;
				}
			}
			if (all && !this.down.isEmpty() && this.upAgainNanos < 0) {
				this.upAgainNanos = System.nanoTime() - this.started;
			}
			this.allReady = all;
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** True once every service has answered UP after having gone DOWN (or never went DOWN). */
	boolean allReady() {
		return this.allReady && (this.down.isEmpty() || this.upAgainNanos >= 0);
	}

	Set<Service> sawDown() {
		return EnumSet.copyOf(this.down.isEmpty() ? EnumSet.noneOf(Service.class) : this.down);
	}

	String allUpAfter() {
		return this.upAgainNanos < 0 ? "(never went DOWN)"
				: String.format("%.1f s after the stop", Duration.ofNanos(this.upAgainNanos).toMillis() / 1000.0);
	}

	void stop() {
		this.running = false;
		this.thread.interrupt();
	}
}
