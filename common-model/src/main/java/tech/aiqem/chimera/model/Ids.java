package tech.aiqem.chimera.model;

import java.util.UUID;

final class Ids {

	private Ids() {
	}

	static UUID parse(String what, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " id is required");
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(what + " id '" + value + "' is not a UUID");
		}
	}
}
