package tech.aiqem.chimera.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded API responses from {@code src/test/resources/fixtures} (sources in its README). */
public final class Fixtures {

	private Fixtures() {
	}

	public static String read(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
