package kmock.internal.k8s.defaults;

import java.util.Map;

/**
 * The defaults of networking.k8s.io/v1 (pkg/apis/networking/v1/defaults.go) and discovery.k8s.io/v1
 * (pkg/apis/discovery/v1/defaults.go), Kubernetes 1.32.
 */
final class NetworkingDefaults {

    private static final String NETWORKING = "io.k8s.api.networking.v1.";

    private NetworkingDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(NETWORKING + "NetworkPolicyPort", port -> Fields.defaultPointer(port, "protocol", "TCP"));
        types.put(NETWORKING + "NetworkPolicy", NetworkingDefaults::networkPolicy);
        types.put(NETWORKING + "IngressClass", NetworkingDefaults::ingressClass);
        types.put("io.k8s.api.discovery.v1.EndpointPort", port -> {
            Fields.defaultPointer(port, "name", "");
            Fields.defaultPointer(port, "protocol", "TCP");
        });
    }

    /** A policy without types is an ingress policy, and an egress one too when it has egress rules. */
    private static void networkPolicy(Map<String, Object> policy) {
        Map<String, Object> spec = Fields.objectOrNew(policy, "spec");
        if (Fields.list(spec, "policyTypes").isEmpty()) {
            spec.put(
                    "policyTypes",
                    Fields.list(spec, "egress").isEmpty()
                            ? Fields.listOf("Ingress")
                            : Fields.listOf("Ingress", "Egress"));
        }
    }

    private static void ingressClass(Map<String, Object> ingressClass) {
        Map<String, Object> parameters = Fields.object(Fields.object(ingressClass, "spec"), "parameters");
        if (parameters != null) {
            Fields.defaultPointer(parameters, "scope", "Cluster");
        }
    }
}
