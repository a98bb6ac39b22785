package tech.aiqem.chimera.safety;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the models a service will use on a background thread as it starts, so the first mention or result
 * it reads does not wait for MiniLM and the heads to load (seconds, longer on a busy machine).
 */
public final class WarmUp {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private static final AtomicBoolean STARTED = new AtomicBoolean();

	private WarmUp() {
	}

	/** Starts loading the injection detector (and the content classifier when {@code content}); once per JVM. */
	public static void inBackground(boolean content) {
		if (!STARTED.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				InjectionDetector.shared().scan("warm up");
				if (content) {
					ContentSafety.shared().score("warm up");
				}
				log.info("Safety models loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				log.warn("Safety models could not be loaded ahead of use: {}", ex.getMessage());
			}
		}, "safety-warm-up");
		thread.setDaemon(true);
		thread.start();
	}
}
