package kmock.internal.k8s.strategy;

import java.util.HashMap;
import java.util.Map;

import kmock.internal.k8s.store.GenerationRule;
import kmock.internal.k8s.strategy.StrategyRules.StatusRule;
import kmock.internal.k8s.strategy.StrategyRules.StatusWrite;

/**
 * The strategies of the built-in kinds, by group and kind, from pkg/registry/&lt;group&gt;/&lt;resource&gt;/strategy.go
 * of Kubernetes 1.32 (and the apiextensions-apiserver's for CustomResourceDefinitions): which reset their status
 * on create and keep it on update, which count generations and on what change, and which have their own steps.
 * Kinds not listed (ConfigMaps, Secrets, ServiceAccounts, Events, RBAC, Leases, …) do neither.
 */
final class BuiltinKinds {

    private static final GenerationRule SPEC = GenerationRule.onChangeOf("spec");
    private static final Map<String, StrategyRules> KINDS = table();

    private BuiltinKinds() {}

    /** The rules of a built-in kind (any version). */
    static StrategyRules of(String group, String kind) {
        return KINDS.getOrDefault(group + "/" + kind, StrategyRules.PLAIN);
    }

    private static Map<String, StrategyRules> table() {
        Map<String, StrategyRules> kinds = new HashMap<>();
        // core: Pods count no generation in 1.32; a Node registers with its status.
        kinds.put("/Pod", reset(GenerationRule.NONE).with(PodStatus.HOOK));
        kinds.put("/Service", reset(GenerationRule.NONE).with(ServiceAllocation.HOOK));
        kinds.put("/Namespace", reset(GenerationRule.NONE).with(CoreHooks.NAMESPACE));
        kinds.put(
                "/Node",
                new StrategyRules(StatusRule.KEPT_ON_CREATE, StatusWrite.SPEC, GenerationRule.NONE, KindHook.NONE));
        kinds.put("/PersistentVolume", reset(GenerationRule.NONE).with(CoreHooks.PERSISTENT_VOLUME));
        kinds.put("/PersistentVolumeClaim", reset(GenerationRule.NONE));
        kinds.put("/ReplicationController", reset(SPEC));
        kinds.put("/ResourceQuota", reset(GenerationRule.NONE));
        kinds.put("/PodTemplate", counting(GenerationRule.onChangeOf("template")));
        // apps: a Deployment's annotations are copied to its ReplicaSets, so they bump its generation too.
        kinds.put(
                "apps/Deployment",
                new StrategyRules(
                        StatusRule.RESET,
                        StatusWrite.SPEC_AND_LABELS,
                        GenerationRule.onChangeOf("spec", "metadata.annotations"),
                        KindHook.NONE));
        kinds.put("apps/ReplicaSet", reset(SPEC));
        kinds.put("apps/StatefulSet", reset(SPEC));
        kinds.put("apps/DaemonSet", reset(SPEC).with(WorkloadHooks.DAEMON_SET));
        kinds.put("batch/Job", reset(SPEC).with(WorkloadHooks.JOB));
        kinds.put("batch/CronJob", reset(SPEC));
        kinds.put("autoscaling/HorizontalPodAutoscaler", reset(GenerationRule.NONE));
        kinds.put("policy/PodDisruptionBudget", reset(SPEC));
        kinds.put("networking.k8s.io/Ingress", reset(SPEC));
        kinds.put("networking.k8s.io/IngressClass", counting(SPEC));
        kinds.put("networking.k8s.io/NetworkPolicy", counting(SPEC));
        kinds.put(
                "networking.k8s.io/ServiceCIDR",
                new StrategyRules(
                        StatusRule.KEPT_ON_CREATE, StatusWrite.SPEC_AND_METADATA, GenerationRule.NONE, KindHook.NONE));
        kinds.put("discovery.k8s.io/EndpointSlice", counting(GenerationRule.onChangeOfAllBut("metadata")));
        kinds.put("storage.k8s.io/VolumeAttachment", reset(GenerationRule.NONE));
        kinds.put("storage.k8s.io/CSIDriver", counting(SPEC));
        kinds.put("certificates.k8s.io/CertificateSigningRequest", reset(GenerationRule.NONE));
        kinds.put(
                "flowcontrol.apiserver.k8s.io/FlowSchema",
                new StrategyRules(StatusRule.RESET, StatusWrite.ALL_BUT_STATUS, SPEC, KindHook.NONE));
        kinds.put(
                "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
                new StrategyRules(StatusRule.RESET, StatusWrite.ALL_BUT_STATUS, SPEC, KindHook.NONE));
        kinds.put(
                "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
                counting(GenerationRule.onChangeOf("webhooks")));
        kinds.put(
                "admissionregistration.k8s.io/MutatingWebhookConfiguration",
                counting(GenerationRule.onChangeOf("webhooks")));
        kinds.put(
                "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
                new StrategyRules(StatusRule.RESET, StatusWrite.SPEC_AND_METADATA, SPEC, KindHook.NONE));
        kinds.put("admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding", counting(SPEC));
        kinds.put("admissionregistration.k8s.io/MutatingAdmissionPolicy", counting(SPEC));
        kinds.put("admissionregistration.k8s.io/MutatingAdmissionPolicyBinding", counting(SPEC));
        kinds.put("apiextensions.k8s.io/CustomResourceDefinition", reset(SPEC).with(CrdStatus.HOOK));
        kinds.put("apiregistration.k8s.io/APIService", reset(GenerationRule.NONE));
        return Map.copyOf(kinds);
    }

    /** A kind with a status subresource: status reset on create, kept on update, spec kept by /status writes. */
    private static StrategyRules reset(GenerationRule generations) {
        return new StrategyRules(StatusRule.RESET, StatusWrite.SPEC, generations, KindHook.NONE);
    }

    /** A kind without status that counts generations. */
    private static StrategyRules counting(GenerationRule generations) {
        return new StrategyRules(StatusRule.ORDINARY, StatusWrite.SPEC, generations, KindHook.NONE);
    }
}
