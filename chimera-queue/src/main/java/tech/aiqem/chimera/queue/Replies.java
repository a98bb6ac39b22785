package tech.aiqem.chimera.queue;

import java.util.concurrent.ExecutionException;

import io.lettuce.core.RedisFuture;

/** Replies of pipelined commands: each command is sent first, then every reply awaited. */
final class Replies {

	private Replies() {
	}

	static long await(RedisFuture<Long> reply) {
		try {
			return reply.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted waiting for Redis", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Redis command failed: " + ex.getCause().getMessage(), ex);
		}
	}
}
