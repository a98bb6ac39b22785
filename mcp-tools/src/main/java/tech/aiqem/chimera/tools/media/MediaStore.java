package tech.aiqem.chimera.tools.media;

import java.util.Optional;
import java.util.regex.Pattern;

/** Stores media by key ({@code images/abc.png}); keys are checked with {@link #checkKey(String)}. */
public interface MediaStore {

	Pattern KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$");

	void put(String key, byte[] content, String contentType);

	Optional<MediaObject> get(String key);

	/** The bytes of a stored object and their media type. */
	record MediaObject(byte[] content, String contentType) {
	}

	static String checkKey(String key) {
		if (key == null || key.length() > 512 || !KEY.matcher(key).matches() || key.contains("..")) {
			throw new IllegalArgumentException("invalid media key '" + key + "'");
		}
		return key;
	}
}
