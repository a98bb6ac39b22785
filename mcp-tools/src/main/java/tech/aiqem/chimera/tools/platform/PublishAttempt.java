package tech.aiqem.chimera.tools.platform;

import java.util.function.Consumer;

/**
 * What one attempt to publish knows of the earlier ones and records of itself: a platform that publishes in
 * two steps (Threads: create a container, then publish it) records the container before it publishes, and a
 * retry publishes that container instead of creating another.
 *
 * @param earlierRequest the container (or request) an earlier attempt created, or null
 * @param requested records this attempt's container before it is published
 */
public record PublishAttempt(String earlierRequest, Consumer<String> requested) {

	/** A first attempt whose requests are not recorded (tests, one-step platforms). */
	public static PublishAttempt first() {
		return new PublishAttempt(null, request -> {
		});
	}
}
