package tech.aiqem.chimera.gateway;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the waits instead of taking them. */
@FunctionalInterface
interface Sleeper {

	Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

	void sleep(Duration duration) throws InterruptedException;
}
