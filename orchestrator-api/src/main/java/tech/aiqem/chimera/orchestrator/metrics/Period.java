package tech.aiqem.chimera.orchestrator.metrics;

import java.time.Duration;
import java.time.Instant;

import tech.aiqem.chimera.orchestrator.system.ApiException;

/** A metrics period: {@code last_24_hours}, {@code last_7_days}, {@code last_30_days} or {@code all_time}. */
enum Period {

	LAST_24_HOURS("last_24_hours", Duration.ofHours(24)),
	LAST_7_DAYS("last_7_days", Duration.ofDays(7)),
	LAST_30_DAYS("last_30_days", Duration.ofDays(30)),
	ALL_TIME("all_time", null);

	private final String wire;

	private final Duration length;

	Period(String wire, Duration length) {
		this.wire = wire;
		this.length = length;
	}

	String wire() {
		return this.wire;
	}

	Instant since(Instant now) {
		return this.length == null ? Instant.EPOCH : now.minus(this.length);
	}

	static Period of(String value) {
		for (Period period : values()) {
			if (period.wire.equals(value)) {
				return period;
			}
		}
		throw ApiException.invalid("period", "must be last_24_hours, last_7_days, last_30_days or all_time");
	}
}
