package tech.aiqem.chimera.queue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueMaintenanceUnitTests {

	@Test
	void aReapThatHangsDoesNotStopTheHeartbeat() throws Exception {
		AtomicInteger beats = new AtomicInteger();
		CountDownLatch reaping = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// heartbeat TTL 300 ms: a beat every 100 ms; the first reap (after 50 ms) hangs for a second and a half
		QueueMaintenance maintenance = new QueueMaintenance(beats::incrementAndGet, () -> {
			reaping.countDown();
			try {
				release.await(1500, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Duration.ofMillis(300), Duration.ofMillis(50));
		maintenance.start();
		try {
			assertThat(reaping.await(5, TimeUnit.SECONDS)).isTrue();
			int before = beats.get();
			Thread.sleep(1000);
			assertThat(beats.get() - before).as("heartbeats while the reaper hangs").isGreaterThanOrEqualTo(5);
		}
		finally {
			release.countDown();
			maintenance.stop();
		}
	}
}
