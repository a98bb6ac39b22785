package tech.aiqem.chimera.worker.task;

import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.model.ErrorCode;

/** Waiting out Redis (E2002): writes retried with exponential backoff, and the sleep between tries. */
final class Backoff {

	/** The runner's logger: operators and the fault suite read the runner's lines. */
	private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

	private Backoff() {
	}

	/**
	 * Redis may be away for a while (E2002): what a finished task must write is retried with backoff until
	 * Redis takes it, so the work is not stranded in this live worker's processing list. On shutdown
	 * ({@code running} false) it gives up: the message stays there and the reaper returns it once this
	 * worker's heartbeat is gone.
	 */
	static void untilDone(String what, Runnable write, BooleanSupplier running) {
		long backoff = 100;
		while (true) {
			try {
				write.run();
				return;
			}
			catch (RuntimeException ex) {
				if (!running.getAsBoolean()) {
					throw ex;
				}
				log.warn("{} {} ({}): {}; retrying in {} ms", what, ErrorCode.E2002.name(), ErrorCode.E2002.description(),
						ex.getMessage(), backoff);
				sleep(backoff);
				backoff = Math.min(5_000, backoff * 2);
			}
		}
	}

	/** The pause after the {@code failures}-th error in a row: doubling from 200 ms, at most 5 s. */
	static long afterFailures(int failures) {
		return Math.min(5_000, 100L << Math.min(failures, 6));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
