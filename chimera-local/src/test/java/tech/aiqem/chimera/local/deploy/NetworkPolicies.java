package tech.aiqem.chimera.local.deploy;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates the namespace's NetworkPolicies as a CNI would, for pods named by
 * {@code app.kubernetes.io/name}: traffic flows when the source's egress and the destination's ingress both
 * allow it (a pod no policy of that direction selects is open in that direction).
 */
final class NetworkPolicies {

	private static final String NAMESPACE = "chimera";

	private final List<NetworkPolicy> policies;

	NetworkPolicies(List<NetworkPolicy> policies) {
		this.policies = policies;
	}

	/** A pod of {@code from} may open a connection to a pod of {@code to} on {@code port}. */
	boolean allows(String from, String to, int port) {
		return egressAllows(from, NAMESPACE, to, port) && ingressAllows(to, NAMESPACE, from, port);
	}

	/** A pod of another namespace may reach a pod of {@code to} on {@code port}. */
	boolean allowsFromNamespace(String namespace, String to, int port) {
		return ingressAllows(to, namespace, null, port);
	}

	private boolean egressAllows(String from, String toNamespace, String to, int port) {
		List<NetworkPolicy> selecting = selecting(from, "Egress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream()
			.flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty() : p.getSpec().getEgress().stream())
			.anyMatch(rule -> peers(rule.getTo(), toNamespace, to) && ports(rule.getPorts(), port));
	}

	private boolean ingressAllows(String to, String fromNamespace, String from, int port) {
		List<NetworkPolicy> selecting = selecting(to, "Ingress");
		if (selecting.isEmpty()) {
			return true;
		}
		return selecting.stream()
			.flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty() : p.getSpec().getIngress().stream())
			.anyMatch(rule -> peers(rule.getFrom(), fromNamespace, from) && ports(rule.getPorts(), port));
	}

	private List<NetworkPolicy> selecting(String pod, String type) {
		return this.policies.stream()
			.filter(p -> p.getSpec().getPolicyTypes().contains(type))
			.filter(p -> matches(p.getSpec().getPodSelector(), pod))
			.toList();
	}

	/** No peers: any destination; otherwise one peer must match (a pod selector alone means this namespace). */
	private static boolean peers(List<NetworkPolicyPeer> peers, String namespace, String pod) {
		if (peers == null || peers.isEmpty()) {
			return true;
		}
		for (NetworkPolicyPeer peer : peers) {
			boolean namespaceMatches = peer.getNamespaceSelector() == null ? NAMESPACE.equals(namespace)
					: namespaceMatches(peer.getNamespaceSelector(), namespace);
			boolean podMatches = peer.getPodSelector() == null || (pod != null && matches(peer.getPodSelector(), pod));
			if (peer.getIpBlock() == null && namespaceMatches && podMatches) {
				return true;
			}
		}
		return false;
	}

	private static boolean ports(List<NetworkPolicyPort> ports, int port) {
		return ports == null || ports.isEmpty()
				|| ports.stream().anyMatch(p -> p.getPort() == null || p.getPort().getIntVal() != null && p.getPort().getIntVal() == port);
	}

	private static boolean namespaceMatches(LabelSelector selector, String namespace) {
		return labelsMatch(selector, Map.of("kubernetes.io/metadata.name", namespace));
	}

	private static boolean matches(LabelSelector selector, String pod) {
		return labelsMatch(selector, Map.of("app.kubernetes.io/name", pod));
	}

	private static boolean labelsMatch(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
				if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
					return false;
				}
			}
		}
		if (selector.getMatchExpressions() != null) {
			for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				String value = labels.get(requirement.getKey());
				boolean in = value != null && requirement.getValues().contains(value);
				if ("In".equals(requirement.getOperator()) != in) {
					return false;
				}
			}
		}
		return true;
	}
}
