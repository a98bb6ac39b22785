package tech.aiqem.chimera.local.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders {@code k8s/} the way {@code kubectl apply -k} would and reads every object into the fabric8
 * model (custom resources such as KEDA's as generic resources). Rendering uses {@code kubectl kustomize}
 * when a kubectl is on the PATH; otherwise it applies what this kustomization uses (resources, namespace,
 * labels, image tags) itself.
 */
final class Manifests {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Manifests() {
	}

	static List<HasMetadata> render(Path k8s) {
		return kubectl().map(kubectl -> parse(kubectlKustomize(kubectl, k8s))).orElseGet(() -> renderItself(k8s));
	}

	/** What {@code kubectl kustomize} would produce for this kustomization, without kubectl. */
	@SuppressWarnings("unchecked")
	static List<HasMetadata> renderItself(Path k8s) {
		Map<String, Object> kustomization = new Yaml().load(Repository.read(k8s.resolve("kustomization.yaml")));
		String namespace = (String) kustomization.get("namespace");
		Map<String, String> labels = new LinkedHashMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) kustomization.getOrDefault("labels", List.of())) {
			labels.putAll((Map<String, String>) group.get("pairs"));
		}
		Map<String, String> tags = new LinkedHashMap<>();
		for (Map<String, Object> image : (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of())) {
			tags.put((String) image.get("name"), String.valueOf(image.get("newTag")));
		}
		List<HasMetadata> objects = new ArrayList<>();
		for (String resource : (List<String>) kustomization.get("resources")) {
			for (HasMetadata object : parse(Repository.read(k8s.resolve(resource)))) {
				if (namespace != null && !"Namespace".equals(object.getKind())) {
					object.getMetadata().setNamespace(namespace);
				}
				Map<String, String> merged = new LinkedHashMap<>(
						object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels());
				merged.putAll(labels);
				object.getMetadata().setLabels(merged);
				if (object instanceof io.fabric8.kubernetes.api.model.apps.Deployment deployment) {
					for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
						String tag = tags.get(container.getImage());
						if (tag != null) {
							container.setImage(container.getImage() + ":" + tag);
						}
					}
				}
				objects.add(object);
			}
		}
		return objects;
	}

	static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : yaml.split("(?m)^---\\s*$")) {
			if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
				continue;
			}
			KubernetesResource resource = SERIALIZATION.unmarshal(document);
			if (!(resource instanceof HasMetadata object)) {
				throw new IllegalArgumentException("not a Kubernetes object: " + document);
			}
			objects.add(object);
		}
		return objects;
	}

	static java.util.Optional<Path> kubectl() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "kubectl");
			if (Files.isExecutable(candidate)) {
				return java.util.Optional.of(candidate);
			}
		}
		return java.util.Optional.empty();
	}

	static String kubectlKustomize(Path kubectl, Path k8s) {
		try {
			Process process = new ProcessBuilder(kubectl.toString(), "kustomize", k8s.toString()).redirectErrorStream(false)
				.start();
			process.getOutputStream().close();
			byte[] out = process.getInputStream().readAllBytes();
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + k8s + " failed: " + err);
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
