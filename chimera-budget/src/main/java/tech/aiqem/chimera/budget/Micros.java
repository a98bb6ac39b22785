package tech.aiqem.chimera.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD as whole micro-dollars, the unit the Lua script compares in (exact: no floating-point sums). */
final class Micros {

	private Micros() {
	}

	static long of(BigDecimal usd) {
		return usd.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
	}

	static BigDecimal toUsd(long micros) {
		return BigDecimal.valueOf(micros, 6);
	}

	/** Reads a tracker value ("23.450000"); Redis holds the spec's string USD. */
	static long parse(String value) {
		return of(new BigDecimal(value).setScale(6, RoundingMode.HALF_UP));
	}

	static String format(long micros) {
		return toUsd(micros).toPlainString();
	}
}
