package tech.aiqem.chimera.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The services' executable jars, as the build leaves them under each module's {@code target}. */
final class ServiceJars {

	private ServiceJars() {
	}

	/** Each service's {@code *-exec.jar} under {@code home}; fails naming every module that has none. */
	static Map<Service, Path> locate(Path home) {
		Map<Service, Path> jars = new EnumMap<>(Service.class);
		List<String> missing = new ArrayList<>();
		for (Service service : Service.values()) {
			Path target = home.resolve(service.module()).resolve("target");
			Path jar = null;
			if (Files.isDirectory(target)) {
				try (Stream<Path> files = Files.list(target)) {
					jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst().orElse(null);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			if (jar == null) {
				missing.add(service.module());
			}
			jars.put(service, jar);
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("No executable jar for " + missing + " under " + home
					+ "; build first with ./mvnw -DskipTests package (the ./chimera script does)");
		}
		return jars;
	}
}
