package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the backoffs the gateway asks for instead of waiting them out, so tests stay fast. */
final class RecordingSleeper implements Sleeper {

	final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public void sleep(Duration duration) {
		this.sleeps.add(duration);
	}
}
