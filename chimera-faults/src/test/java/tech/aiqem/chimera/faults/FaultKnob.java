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

	private FaultKnob() {
	}

	static String classpath() {
		URL url = FaultKnob.class.getClassLoader().getResource(CLASS);
		if (url == null) {
			throw new IllegalStateException(CLASS + " is not on the class path: chimera-faults needs offline-model's test jar");
		}
		String location = url.toString();
		try {
			if (location.startsWith("jar:")) {
				return Path.of(URI.create(location.substring(4, location.indexOf("!/")))).toString();
			}
			Path classFile = Path.of(url.toURI());
			Path root = classFile;
			for (int i = 0; i < CLASS.split("/").length; i++) {
				root = root.getParent();
			}
			return root.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("cannot read " + location, ex);
		}
	}
}
