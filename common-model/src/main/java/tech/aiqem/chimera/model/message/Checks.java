package tech.aiqem.chimera.model.message;

import java.math.BigDecimal;

final class Checks {

	private Checks() {
	}

	static void notNull(Object value, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " is required");
		}
	}

	static void notBlank(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required and must not be blank");
		}
	}

	static void unitInterval(BigDecimal value, String field) {
		if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException(field + " must be between 0 and 1, got " + value.toPlainString());
		}
	}
}
