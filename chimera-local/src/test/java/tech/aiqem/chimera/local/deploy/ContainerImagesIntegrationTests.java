package tech.aiqem.chimera.local.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images as Maven would build them: reads the effective Jib configuration of every
 * service ({@code help:effective-pom -Pimages}) and checks base image, user, ports, main class and the
 * JVM's memory flags against the services' own sources and the Kubernetes manifests. No Docker daemon or
 * registry is needed (nor used) for this.
 */
class ContainerImagesIntegrationTests {

	private static final Pattern SIZE = Pattern.compile("=(\\d+)([kmg]?)$", Pattern.CASE_INSENSITIVE);

	static Map<String, Element> jib;

	static Map<String, Element> jibWithoutProfile;

	@BeforeAll
	static void effectivePoms(@TempDir Path temp) throws Exception {
		jib = jibConfigurations(temp.resolve("images.xml"), true);
		jibWithoutProfile = jibConfigurations(temp.resolve("default.xml"), false);
	}

	@Test
	void everyServiceImageRunsItsMainClassOnJava25AsANonRootUser() {
		for (String service : Repository.SERVICES) {
			Element plugin = jib.get(service);
			assertThat(plugin).as(service + " declares the Jib plugin").isNotNull();
			Element config = child(plugin, "configuration");
			assertThat(text(config, "skip")).as(service).isEqualTo("false");
			assertThat(text(child(config, "from"), "image")).as(service).matches("eclipse-temurin:25(\\.[\\d.]+)?-jre.*");
			assertThat(text(child(config, "to"), "image")).as(service).startsWith("chimera/" + service + ":");
			Element container = child(config, "container");
			assertThat(text(container, "mainClass")).as(service).isEqualTo(Repository.mainClass(service));
			String user = text(container, "user");
			assertThat(user).as(service + " user").isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
			List<String> flags = texts(child(container, "jvmFlags"), "jvmFlag");
			assertThat(flags).as(service).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
				.anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
			assertThat(text(child(container, "environment"), "PROMETHEUS_PORT")).isEqualTo("9090");
		}
	}

	@Test
	void imagesExposeThePortsTheServicesAndTheirDeploymentsUse() {
		List<HasMetadata> manifests = Manifests.render(Repository.root().resolve("k8s"));
		for (String service : Repository.SERVICES) {
			List<Integer> ports = texts(child(child(child(jib.get(service), "configuration"), "container"), "ports"), "port")
				.stream().map(Integer::valueOf).toList();
			assertThat(ports).as(service).containsExactlyInAnyOrder(Repository.serverPort(service), 9090);
			Container container = deployment(manifests, service).getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getPorts()).extracting(p -> p.getContainerPort()).containsExactlyInAnyOrderElementsOf(ports);
			assertThat(deployment(manifests, service).getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
				.as("the Deployment runs the image's user")
				.isEqualTo(Long.parseLong(text(child(child(jib.get(service), "configuration"), "container"), "user").split(":")[0]));
		}
	}

	@Test
	void theWorkersJvmFitsIts512MbLimit() {
		Container worker = deployment(Manifests.render(Repository.root().resolve("k8s")), "worker-service").getSpec()
			.getTemplate().getSpec().getContainers().get(0);
		long limit = Quantity.getAmountInBytes(worker.getResources().getLimits().get("memory")).longValueExact();
		assertThat(limit).isEqualTo(512L * 1024 * 1024);
		List<String> flags = texts(child(child(child(jib.get("worker-service"), "configuration"), "container"), "jvmFlags"), "jvmFlag");
		double ramPercentage = Double.parseDouble(last(flags, "-XX:MaxRAMPercentage=").split("=")[1]);
		long heap = (long) (limit * ramPercentage / 100);
		long metaspace = bytes(last(flags, "-XX:MaxMetaspaceSize="));
		long codeCache = bytes(last(flags, "-XX:ReservedCodeCacheSize="));
		long direct = bytes(last(flags, "-XX:MaxDirectMemorySize="));
		// what the caps do not bound: thread stacks (-Xss512k), GC and JIT structures, libraries' native memory
		long headroom = 48L * 1024 * 1024;
		assertThat(heap + metaspace + codeCache + direct + headroom).as("worker JVM total at its caps")
			.isLessThanOrEqualTo(limit);
	}

	@Test
	void theDefaultBuildMakesNoImageAndTheProfileBuildsIntoTheDockerDaemon() {
		for (String service : Repository.SERVICES) {
			Element withProfile = child(jib.get(service), "executions");
			assertThat(withProfile).as(service).isNotNull();
			assertThat(withProfile.getTextContent()).contains("package").contains("dockerBuild");
			assertThat(child(jibWithoutProfile.get(service), "executions")).as(service + " without -Pimages").isNull();
		}
	}

	private static Deployment deployment(List<HasMetadata> manifests, String name) {
		return manifests.stream().filter(o -> o instanceof Deployment && name.equals(o.getMetadata().getName()))
			.map(Deployment.class::cast).findFirst().orElseThrow();
	}

	private static String last(List<String> flags, String prefix) {
		return flags.stream().filter(f -> f.startsWith(prefix)).reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no " + prefix + " in " + flags));
	}

	private static long bytes(String flag) {
		Matcher matcher = SIZE.matcher(flag);
		assertThat(matcher.find()).as(flag).isTrue();
		long value = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2).toLowerCase()) {
			case "k" -> value * 1024;
			case "m" -> value * 1024 * 1024;
			case "g" -> value * 1024 * 1024 * 1024;
			default -> value;
		};
	}

	/** Runs {@code help:effective-pom} for the service modules; the jib-maven-plugin element of each. */
	private static Map<String, Element> jibConfigurations(Path output, boolean imagesProfile) throws Exception {
		Path root = Repository.root();
		List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-q", "-B", "help:effective-pom",
				"-pl", String.join(",", Repository.SERVICES), "-Doutput=" + output));
		if (imagesProfile) {
			command.add("-Pimages");
		}
		Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
			.redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile()).start();
		maven.getOutputStream().close();
		assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("maven help:effective-pom finished").isTrue();
		assertThat(maven.exitValue()).as(() -> "maven help:effective-pom: " + log(output)).isZero();

		var factory = DocumentBuilderFactory.newInstance();
		var document = factory.newDocumentBuilder().parse(output.toFile());
		Map<String, Element> plugins = new HashMap<>();
		var projects = document.getElementsByTagName("project");
		for (int i = 0; i < projects.getLength(); i++) {
			Element project = (Element) projects.item(i);
			Element build = child(project, "build");
			Element pluginList = build == null ? null : child(build, "plugins");
			if (pluginList == null) {
				continue;
			}
			for (Element plugin : children(pluginList, "plugin")) {
				if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
					plugins.put(text(project, "artifactId"), plugin);
				}
			}
		}
		assertThat(plugins).as("services with a Jib plugin").containsOnlyKeys(Repository.SERVICES);
		return plugins;
	}

	private static String log(Path output) {
		try {
			return Files.readString(output.resolveSibling(output.getFileName() + ".log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return element == null ? null : element.getTextContent().trim();
	}

	private static List<String> texts(Element parent, String name) {
		return parent == null ? List.of() : children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
	}
}
