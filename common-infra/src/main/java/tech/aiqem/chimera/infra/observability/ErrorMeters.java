package tech.aiqem.chimera.infra.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import tech.aiqem.chimera.model.ErrorCode;

/**
 * The error counter by Chimera error code ({@code chimera.errors}, tags {@code code} and {@code service}).
 * Each component registers every code at zero when it starts, so dashboards and alerts see the series (and
 * a rate of zero) before the first error.
 */
public final class ErrorMeters {

	public static final String METER = "chimera.errors";

	/** The tag value for a failure that carries no Chimera error code. */
	static final String NO_CODE = "none";

	private ErrorMeters() {
	}

	/** Registers {@code chimera.errors} at zero for every code, for one component ({@code worker}, {@code judge}, ...). */
	public static void register(MeterRegistry meters, String service) {
		for (ErrorCode code : ErrorCode.values()) {
			counter(meters, code, service);
		}
	}

	/** Counts one error; {@code code} may be null for a failure without a Chimera code. */
	public static void count(MeterRegistry meters, ErrorCode code, String service) {
		counter(meters, code, service).increment();
	}

	private static Counter counter(MeterRegistry meters, ErrorCode code, String service) {
		return meters.counter(METER, "code", code == null ? NO_CODE : code.name(), "service", service);
	}
}
