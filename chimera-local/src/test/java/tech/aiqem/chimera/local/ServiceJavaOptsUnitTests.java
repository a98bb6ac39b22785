package tech.aiqem.chimera.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJavaOptsUnitTests {

	@Test
	void eachServiceGetsItsOwnHeapBeforeTheSharedOptions() {
		assertThat(ServiceProcesses.javaOpts(Service.WORKER, LocalOptions.DEFAULT_JAVA_OPTS)).containsExactly("-Xmx128m",
				"-Xms32m", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m", "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=192m");
		assertThat(ServiceProcesses.javaOpts(Service.ORCHESTRATOR, "")).containsExactly("-Xmx384m");
	}

	/** The JVM takes the last -Xmx: one in CHIMERA_JAVA_OPTS overrides the service's default. */
	@Test
	void anXmxInTheSharedOptionsComesLastAndWins() {
		assertThat(ServiceProcesses.javaOpts(Service.JUDGE, "  -Xmx1g   -XX:+UseG1GC ")).containsExactly("-Xmx512m", "-Xmx1g",
				"-XX:+UseG1GC");
	}
}
