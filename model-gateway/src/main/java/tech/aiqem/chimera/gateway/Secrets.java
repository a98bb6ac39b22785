package tech.aiqem.chimera.gateway;

import java.util.List;

/**
 * Removes API keys from text that leaves the gateway (exception messages, logs): providers sometimes
 * echo the key they were sent in error bodies.
 */
final class Secrets {

	static final String MASK = "[REDACTED]";

	private final List<String> keys;

	Secrets(List<String> keys) {
		this.keys = keys.stream().filter(key -> key != null && key.length() >= 4).toList();
	}

	String redact(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String key : this.keys) {
			result = result.replace(key, MASK);
		}
		return result;
	}

	/** For {@code toString()} of configuration: whether a key is set, never the key. */
	static String describe(String key) {
		return (key == null || key.isBlank()) ? "<unset>" : MASK;
	}
}
