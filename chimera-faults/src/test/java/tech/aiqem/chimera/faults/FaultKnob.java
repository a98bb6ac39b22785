package tech.aiqem.chimera.faults;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Where the slow-model knob is: offline-model's test jar (or its test classes, in a build that did not package
 * them), found on this suite's class path without loading its classes, whose dependencies are the services'.
 */
final class FaultKnob {

	static final String CLASS = "tech/aiqem/chimera/gateway/offline/faults/SlowTaskCalls.class";

	/** The lost-answer platform knob, in mcp-tools' test jar. */
	static final String LOST_ANSWERS = "tech/aiqem/chimera/tools/faults/LostAnswers.class";

	private FaultKnob() {
	}

	/** Both knobs' jars (or class directories), as {@code CHIMERA_EXTRA_CLASSPATH} takes them. */
	static String classpath() {
		return location(CLASS) + java.io.File.pathSeparator + location(LOST_ANSWERS);
	}

	private static String location(String knob) {
		URL url = FaultKnob.class.getClassLoader().getResource(knob);
		if (url == null) {
			throw new IllegalStateException(knob + " is not on the class path: chimera-faults needs the knobs' test jars");
		}
		String location = url.toString();
		try {
			if (location.startsWith("jar:")) {
				return Path.of(URI.create(location.substring(4, location.indexOf("!/")))).toString();
			}
			Path classFile = Path.of(url.toURI());
			Path root = classFile;
			for (int i = 0; i < knob.split("/").length; i++) {
				root = root.getParent();
			}
			return root.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("cannot read " + location, ex);
		}
	}
}
