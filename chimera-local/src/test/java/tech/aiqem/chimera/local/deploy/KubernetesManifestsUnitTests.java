package tech.aiqem.chimera.local.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests in {@code k8s/}, rendered as {@code kubectl apply -k} would and read into the
 * fabric8 model: every object parses, each service has a Deployment with probes, limits and a graceful
 * stop, the autoscalers follow docs/architecture.md §16, and the ConfigMap and each service's own Secret provide every
 * variable that service reads, and no secret it does not.
 */
class KubernetesManifestsUnitTests {

	private static final Path K8S = Repository.root().resolve("k8s");

	private static final String SECRET_SHAPED = ".*(_API_KEY|_ACCESS_TOKEN|_ACCESS_KEY_ID|_SECRET_ACCESS_KEY|PRIVATE_KEY|KEY_NAME|PASSWORD|PASSPHRASE|_DSN|POSTGRES_URL|REDIS_URL|RPC_URL|_TOKEN|MCP_TOKEN_[A-Z]+)$";

	/**
	 * Secrets a service's code could read (through a shared module) but that it is deliberately not given:
	 * the orchestrator and mcp-tools call no model and no tool; the judge reviews payments and holds no key
	 * material.
	 */
	private static final Map<String, Set<String>> WITHHELD = Map.of("orchestrator-api",
			Set.of("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY", "MCP_TOOLS_TOKEN"), "mcp-tools",
			Set.of("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY", "MCP_TOOLS_TOKEN"), "judge-service",
			Set.of("CHIMERA_WALLET_PASSPHRASE", "CDP_API_KEY_NAME", "CDP_API_KEY_PRIVATE_KEY"));

	private final List<HasMetadata> objects = Manifests.render(K8S);

	@Test
	void rendersEveryObjectIntoTheNamespace() {
		assertThat(kinds()).containsExactlyInAnyOrder("ConfigMap/chimera-config", "Secret/orchestrator-api-secrets",
				"Secret/planner-service-secrets", "Secret/worker-service-secrets", "Secret/judge-service-secrets",
				"Secret/mcp-tools-secrets", "Secret/chimera-keda",
				"Namespace/chimera", "Deployment/orchestrator-api", "Deployment/planner-service",
				"Deployment/worker-service", "Deployment/judge-service", "Deployment/mcp-tools",
				"Service/orchestrator-api", "Service/planner-service", "Service/worker-service", "Service/judge-service",
				"Service/mcp-tools", "HorizontalPodAutoscaler/judge-service", "ScaledObject/worker-service",
				"TriggerAuthentication/chimera-redis", "PodDisruptionBudget/orchestrator-api", "PodDisruptionBudget/mcp-tools",
				"PodDisruptionBudget/planner-service", "PodDisruptionBudget/worker-service", "PodDisruptionBudget/judge-service",
				"NetworkPolicy/default-deny", "NetworkPolicy/dns-and-dependencies", "NetworkPolicy/metrics-from-prometheus",
				"NetworkPolicy/orchestrator-api", "NetworkPolicy/mcp-tools", "NetworkPolicy/calls-mcp-tools-and-models",
				"Ingress/orchestrator-api");
		for (HasMetadata object : this.objects) {
			if (!"Namespace".equals(object.getKind())) {
				assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("chimera");
			}
			assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "chimera");
		}
	}

	@Test
	void imagesArePinnedInOnePlaceAndTheBuildCanTagThem() {
		String kustomization = Repository.read(K8S.resolve("kustomization.yaml"));
		for (String name : Repository.SERVICES) {
			assertThat(Repository.read(K8S.resolve(name + ".yaml"))).as(name + ".yaml names its image without a tag")
				.contains("image: chimera/" + name + "\n");
			assertThat(kustomization).contains("- name: chimera/" + name + "\n    newTag: ");
		}
		assertThat(Repository.read(Repository.root().resolve("pom.xml")))
			.contains("<image>${image.prefix}${project.artifactId}:${image.tag}</image>");
	}

	@Test
	void kubectlAndTheTestsOwnRenderingAgree() {
		// where kubectl exists the objects above came from it; this keeps the fallback honest
		assertThat(Manifests.renderItself(K8S).stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).sorted())
			.containsExactlyElementsOf(kinds().stream().sorted().toList());
		assertThat(images(Manifests.renderItself(K8S))).isEqualTo(images(this.objects));
	}

	private static List<String> images(List<HasMetadata> objects) {
		return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
			.flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).map(Container::getImage).sorted().toList();
	}

	@Test
	void everyServiceRunsAsANonRootDeploymentWithProbesLimitsAndAGracefulStop() {
		int prometheusPort = Integer.parseInt(config().get("PROMETHEUS_PORT"));
		for (String name : Repository.SERVICES) {
			Deployment deployment = get(Deployment.class, name);
			var pod = deployment.getSpec().getTemplate().getSpec();
			Container container = pod.getContainers().get(0);
			// a release version: a snapshot or latest would change under a running Deployment on the next pull
			assertThat(container.getImage()).as(name).matches("chimera/" + name + ":\\d+\\.\\d+\\.\\d+");
			Map<String, Integer> ports = container.getPorts().stream()
				.collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
			assertThat(ports).as(name).containsEntry("http", Repository.serverPort(name)).containsEntry("metrics", prometheusPort);

			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", name, ports);
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", name, ports);
			assertThat(container.getStartupProbe()).as(name + " startup probe").isNotNull();

			assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
			assertThat(bytes(container.getResources().getRequests().get("memory")))
				.isLessThanOrEqualTo(bytes(container.getResources().getLimits().get("memory")));

			assertThat(container.getEnvFrom()).extracting(e -> e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName())
				.contains("chimera-config");
			assertThat(container.getEnvFrom()).filteredOn(e -> e.getSecretRef() != null)
				.extracting(e -> e.getSecretRef().getName())
				.as(name + " reads its own Secret and no other")
				.containsExactly(name + "-secrets");

			assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
			assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

			long preStop = preStopSeconds(container);
			assertThat(pod.getTerminationGracePeriodSeconds()).as(name + " grace covers preStop and Spring's shutdown")
				.isGreaterThanOrEqualTo(preStop + 25);

			Service service = get(Service.class, name);
			assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
				.allMatch(ports::containsKey)
				.as(name + ": the actuator (metrics carry tenant and agent ids) is scraped on the pod, not exposed by the Service")
				.doesNotContain("metrics");
			assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
				.containsEntry("prometheus.io/port", String.valueOf(prometheusPort))
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
		}
	}

	@Test
	void workerStaysUnder512MbAndFinishesOrReturnsItsTasksBeforeItIsKilled() {
		Deployment worker = get(Deployment.class, "worker-service");
		Container container = worker.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getResources().getLimits().get("memory")).isEqualTo(new Quantity("512Mi"));
		Duration shutdownGrace = Duration.parse("PT" + config().get("CHIMERA_WORKER_SHUTDOWNGRACE").toUpperCase());
		long needed = preStopSeconds(container) + shutdownGrace.toSeconds() + 10;
		assertThat(worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
			.as("preStop + chimera.worker.shutdown-grace + time to return the tasks")
			.isGreaterThanOrEqualTo(needed);
	}

	/**
	 * Workers hold back while the results waiting for the judges reach their limit (one count over all review
	 * lists): at the most judges the autoscaler runs, the limit must still leave each a couple of batches.
	 */
	@Test
	void workersHoldBackOnlyBeyondWhatTheMostJudgesTakeAtOnce() {
		int judges = get(HorizontalPodAutoscaler.class, "judge-service").getSpec().getMaxReplicas();
		int batch = 100; // chimera.judge.batch-size's default; the ConfigMap does not change it
		assertThat(config()).doesNotContainKey("CHIMERA_JUDGE_BATCHSIZE");
		assertThat(Long.parseLong(config().get("CHIMERA_WORKER_MAXREVIEWBACKLOG"))).isGreaterThanOrEqualTo(2L * judges * batch);
	}

	@Test
	void plannerIsFixedAtThreeAndJudgeScalesOnCpu() {
		assertThat(get(Deployment.class, "planner-service").getSpec().getReplicas()).isEqualTo(3);
		assertThat(this.objects).noneMatch(o -> o instanceof HorizontalPodAutoscaler hpa
				&& "planner-service".equals(hpa.getSpec().getScaleTargetRef().getName()));

		HorizontalPodAutoscaler hpa = get(HorizontalPodAutoscaler.class, "judge-service");
		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("judge-service");
		assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(5);
		assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
		assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
			assertThat(metric.getResource().getName()).isEqualTo("cpu");
			assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
			assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
		});
		Container judge = get(Deployment.class, "judge-service").getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(judge.getResources().getRequests()).as("CPU utilization is relative to the request").containsKey("cpu");
	}

	@Test
	@SuppressWarnings("unchecked")
	void workersScaleTenToAHundredOnTheTaskListsAtFiftyPerPod() {
		GenericKubernetesResource scaler = get(GenericKubernetesResource.class, "worker-service", "ScaledObject");
		assertThat(scaler.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
		Map<String, Object> spec = (Map<String, Object>) scaler.getAdditionalProperties().get("spec");
		assertThat(((Map<String, Object>) spec.get("scaleTargetRef")).get("name")).isEqualTo("worker-service");
		assertThat(spec.get("minReplicaCount")).isEqualTo(10).hasToString(config().get("WORKER_POOL_MIN"));
		assertThat(spec.get("maxReplicaCount")).isEqualTo(100).hasToString(config().get("WORKER_POOL_MAX"));

		List<Map<String, Object>> triggers = (List<Map<String, Object>>) spec.get("triggers");
		assertThat(triggers).extracting(t -> t.get("type")).containsOnly("redis");
		assertThat(triggers).extracting(t -> ((Map<String, Object>) t.get("metadata")).get("listName"))
			.containsExactlyInAnyOrder("chimera:tasks:high", "chimera:tasks:medium", "chimera:tasks:low");
		assertThat(triggers).extracting(t -> ((Map<String, Object>) t.get("metadata")).get("listLength")).containsOnly("50");
		Map<String, Object> modifiers = (Map<String, Object>) ((Map<String, Object>) spec.get("advanced")).get("scalingModifiers");
		assertThat(modifiers.get("target")).isEqualTo("50");
		assertThat(modifiers.get("metricType")).isEqualTo("AverageValue");
		Set<String> summed = Set.of(((String) modifiers.get("formula")).split("\\s*\\+\\s*"));
		assertThat(summed).isEqualTo(triggers.stream().map(t -> (String) t.get("name")).collect(Collectors.toSet()));

		// the scaler authenticates to Redis with keys that exist in the Secret
		Set<String> authNames = triggers.stream()
			.map(t -> (String) ((Map<String, Object>) t.get("authenticationRef")).get("name"))
			.collect(Collectors.toSet());
		assertThat(authNames).singleElement().isEqualTo("chimera-redis");
		GenericKubernetesResource auth = get(GenericKubernetesResource.class, "chimera-redis", "TriggerAuthentication");
		List<Map<String, Object>> refs = (List<Map<String, Object>>) ((Map<String, Object>) auth.getAdditionalProperties()
			.get("spec")).get("secretTargetRef");
		for (Map<String, Object> ref : refs) {
			assertThat(ref.get("name")).isEqualTo("chimera-keda");
			assertThat(secret("chimera-keda").keySet()).contains((String) ref.get("key"));
		}
		assertThat(refs).extracting(r -> r.get("parameter")).contains("address");
	}

	@Test
	void autoscalersOwnTheReplicaCountOfWhatTheyScale() {
		Set<String> scaled = new TreeSet<>();
		for (HasMetadata object : this.objects) {
			if (object instanceof HorizontalPodAutoscaler hpa) {
				scaled.add(hpa.getSpec().getScaleTargetRef().getName());
			}
			if ("ScaledObject".equals(object.getKind())) {
				scaled.add(object.getMetadata().getName());
			}
		}
		assertThat(scaled).containsExactlyInAnyOrder("judge-service", "worker-service");
		for (String name : scaled) {
			assertThat(get(Deployment.class, name).getSpec().getReplicas()).as(name + ": re-applying must not reset the autoscaler").isNull();
		}
	}

	@Test
	void everyServiceHasADisruptionBudgetForItsPods() {
		for (String name : Repository.SERVICES) {
			PodDisruptionBudget budget = get(PodDisruptionBudget.class, name);
			assertThat(budget.getSpec().getMinAvailable() != null || budget.getSpec().getMaxUnavailable() != null).as(name).isTrue();
			assertThat(get(Deployment.class, name).getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		}
	}

	@Test
	void networkPoliciesLetEachServiceTalkOnlyToWhatItCalls() {
		NetworkPolicies policies = new NetworkPolicies(this.objects.stream()
			.filter(NetworkPolicy.class::isInstance)
			.map(NetworkPolicy.class::cast)
			.toList());
		for (String caller : List.of("worker-service", "planner-service", "judge-service")) {
			assertThat(policies.allows(caller, "mcp-tools", 8084)).as(caller + " -> mcp-tools").isTrue();
		}
		assertThat(policies.allows("orchestrator-api", "mcp-tools", 8084)).as("the orchestrator calls no tool").isFalse();
		assertThat(policies.allows("worker-service", "orchestrator-api", 8080)).as("nothing inside calls the API").isFalse();
		assertThat(policies.allows("worker-service", "judge-service", 8083)).isFalse();
		assertThat(policies.allows("mcp-tools", "worker-service", 8082)).isFalse();
		assertThat(policies.allowsFromNamespace("ingress-nginx", "orchestrator-api", 8080)).isTrue();
		assertThat(policies.allowsFromNamespace("ingress-nginx", "mcp-tools", 8084)).as("mcp-tools is not exposed").isFalse();
		assertThat(policies.allowsFromNamespace("monitoring", "worker-service", 9090)).as("Prometheus scrapes the actuator").isTrue();
		assertThat(policies.allowsFromNamespace("default", "orchestrator-api", 9090)).isFalse();

		Ingress ingress = get(Ingress.class, "orchestrator-api");
		var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
		assertThat(backend.getName()).isEqualTo("orchestrator-api");
		assertThat(get(Service.class, "orchestrator-api").getSpec().getPorts()).extracting(p -> p.getName())
			.contains(backend.getPort().getName());
	}

	@Test
	void eachServicesConfigMapAndOwnSecretProvideEveryVariableItReads() {
		Set<String> everything = new TreeSet<>(config().keySet());
		for (String name : Repository.SERVICES) {
			Set<String> provided = new TreeSet<>(config().keySet());
			provided.addAll(secret(name + "-secrets").keySet());
			Set<String> read = new TreeSet<>(EnvironmentVariables.readBy(Repository.root(), name));
			read.removeAll(WITHHELD.getOrDefault(name, Set.of()));
			assertThat(provided).as(name + ": ConfigMap chimera-config + Secret " + name + "-secrets").containsAll(read);
			everything.addAll(provided);
		}
		assertThat(EnvironmentVariables.readByServices(Repository.root())).as("variables found in the services' code and configuration")
			.contains("POSTGRES_URL", "REDIS_URL", "SENTRY_DSN", "PROMETHEUS_PORT", "ANTHROPIC_API_KEY", "MCP_TOOLS_TOKEN",
					"MCP_TOKEN_WORKER");

		// docs/architecture.md §13 lists these whether or not code reads them yet
		assertThat(everything).contains("ANTHROPIC_API_KEY", "GOOGLE_API_KEY", "OPENAI_API_KEY", "POSTGRES_URL",
				"REDIS_URL", "WEAVIATE_URL", "CDP_API_KEY_NAME", "CDP_API_KEY_PRIVATE_KEY", "BLOCKCHAIN_NETWORK",
				"DEFAULT_DAILY_BUDGET_USD", "MAX_TOKENS_PER_REQUEST", "WORKER_POOL_MIN", "WORKER_POOL_MAX",
				"HITL_CONFIDENCE_THRESHOLD", "HITL_AUTO_APPROVE", "PROMETHEUS_PORT", "SENTRY_DSN");
	}

	@Test
	void aServiceHoldsOnlyTheSecretsItsOwnCodeReads() {
		for (String name : Repository.SERVICES) {
			Set<String> held = secret(name + "-secrets").keySet();
			assertThat(EnvironmentVariables.readBy(Repository.root(), name)).as(name + " reads every secret it holds")
				.containsAll(held);
			for (String withheld : WITHHELD.getOrDefault(name, Set.of())) {
				assertThat(held).as(name + " must not hold " + withheld).doesNotContain(withheld);
			}
		}
		// the worker reads attacker-controlled text: no key material, no platform token, no other caller's token
		assertThat(secret("worker-service-secrets")).doesNotContainKeys("CHIMERA_WALLET_PASSPHRASE", "CDP_API_KEY_PRIVATE_KEY",
				"X_ACCESS_TOKEN", "INSTAGRAM_ACCESS_TOKEN", "THREADS_ACCESS_TOKEN", "MCP_TOKEN_PUBLISHER", "CHIMERA_ADMIN_PASSWORD");
		for (String name : List.of("orchestrator-api", "planner-service", "worker-service", "judge-service")) {
			assertThat(secret(name + "-secrets")).as(name).doesNotContainKeys("X_ACCESS_TOKEN", "INSTAGRAM_ACCESS_TOKEN",
					"THREADS_ACCESS_TOKEN", "MCP_TOKEN_WORKER", "MCP_TOKEN_PLANNER", "MCP_TOKEN_PUBLISHER");
		}
		// the three callers of mcp-tools are told apart by their tokens
		assertThat(List.of(secret("worker-service-secrets").get("MCP_TOOLS_TOKEN"), secret("planner-service-secrets").get("MCP_TOOLS_TOKEN"),
				secret("judge-service-secrets").get("MCP_TOOLS_TOKEN")))
			.doesNotHaveDuplicates()
			.containsExactly(secret("mcp-tools-secrets").get("MCP_TOKEN_WORKER"), secret("mcp-tools-secrets").get("MCP_TOKEN_PLANNER"),
					secret("mcp-tools-secrets").get("MCP_TOKEN_PUBLISHER"));
	}

	@Test
	void secretsLiveInSecretsNotTheConfigMap() {
		Set<String> secretShaped = new TreeSet<>();
		for (String name : EnvironmentVariables.readByServices(Repository.root())) {
			if (name.matches(SECRET_SHAPED)) {
				secretShaped.add(name);
			}
		}
		assertThat(secretShaped).isNotEmpty();
		Set<String> inSecrets = new TreeSet<>();
		for (String name : Repository.SERVICES) {
			inSecrets.addAll(secret(name + "-secrets").keySet());
		}
		assertThat(inSecrets).containsAll(secretShaped);
		assertThat(config().keySet()).doesNotContainAnyElementsOf(secretShaped);
	}

	private static void assertProbe(Probe probe, String path, String service, Map<String, Integer> ports) {
		assertThat(probe).as(service + " " + path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		IntOrString port = probe.getHttpGet().getPort();
		int number = port.getStrVal() != null ? ports.get(port.getStrVal()) : port.getIntVal();
		assertThat(number).as(service + " probes the actuator port").isEqualTo(ports.get("metrics"));
	}

	private static long preStopSeconds(Container container) {
		assertThat(container.getLifecycle().getPreStop()).isNotNull();
		String command = String.join(" ", container.getLifecycle().getPreStop().getExec().getCommand());
		var matcher = java.util.regex.Pattern.compile("sleep (\\d+)").matcher(command);
		assertThat(matcher.find()).as("preStop sleeps: " + command).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static long bytes(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity).longValueExact();
	}

	private Map<String, String> config() {
		return get(ConfigMap.class, "chimera-config").getData();
	}

	private Map<String, String> secret(String name) {
		return get(Secret.class, name).getStringData();
	}

	private List<String> kinds() {
		return this.objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
	}

	private <T extends HasMetadata> T get(Class<T> type, String name) {
		return get(type, name, null);
	}

	private <T extends HasMetadata> T get(Class<T> type, String name, String kind) {
		Function<HasMetadata, Boolean> matches = o -> type.isInstance(o) && name.equals(o.getMetadata().getName())
				&& (kind == null || kind.equals(o.getKind()));
		return this.objects.stream().filter(matches::apply).map(type::cast).findFirst()
			.orElseThrow(() -> new AssertionError("no " + (kind == null ? type.getSimpleName() : kind) + " " + name));
	}
}
