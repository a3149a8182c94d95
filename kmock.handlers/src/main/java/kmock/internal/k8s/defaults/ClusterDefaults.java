package kmock.internal.k8s.defaults;

import java.util.Locale;
import java.util.Map;

/**
 * The defaults of the cluster-wide configuration kinds, Kubernetes 1.32: rbac.authorization.k8s.io/v1,
 * storage.k8s.io/v1, scheduling.k8s.io/v1 (pkg/apis/&lt;group&gt;/v1/defaults.go) and the
 * CustomResourceDefinitions of apiextensions.k8s.io/v1 (apiextensions-apiserver pkg/apis/apiextensions/v1/defaults.go).
 */
final class ClusterDefaults {

    private static final String RBAC = "io.k8s.api.rbac.v1.";
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final String STORAGE = "io.k8s.api.storage.v1.";
    private static final String APIEXTENSIONS = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

    private ClusterDefaults() {}

    static void register(Map<String, TypeDefaulter> types) {
        types.put(RBAC + "RoleBinding", ClusterDefaults::binding);
        types.put(RBAC + "ClusterRoleBinding", ClusterDefaults::binding);
        types.put(RBAC + "Subject", ClusterDefaults::subject);
        types.put(STORAGE + "StorageClass", storageClass -> {
            Fields.defaultPointer(storageClass, "reclaimPolicy", "Delete");
            Fields.defaultPointer(storageClass, "volumeBindingMode", "Immediate");
        });
        types.put(STORAGE + "CSIDriver", ClusterDefaults::csiDriver);
        types.put(
                "io.k8s.api.scheduling.v1.PriorityClass",
                priorityClass -> Fields.defaultPointer(priorityClass, "preemptionPolicy", "PreemptLowerPriority"));
        types.put(APIEXTENSIONS + "CustomResourceDefinition", ClusterDefaults::customResourceDefinition);
        types.put(APIEXTENSIONS + "ServiceReference", reference -> Fields.defaultPointer(reference, "port", 443));
    }

    private static void binding(Map<String, Object> binding) {
        Fields.defaultValue(Fields.objectOrNew(binding, "roleRef"), "apiGroup", RBAC_GROUP);
    }

    /** Users and groups belong to the RBAC group; service accounts to the core group. */
    private static void subject(Map<String, Object> subject) {
        Object kind = subject.get("kind");
        if (Fields.isZero(subject.get("apiGroup")) && ("User".equals(kind) || "Group".equals(kind))) {
            subject.put("apiGroup", RBAC_GROUP);
        }
    }

    private static void csiDriver(Map<String, Object> driver) {
        Map<String, Object> spec = Fields.objectOrNew(driver, "spec");
        Fields.defaultPointer(spec, "attachRequired", true);
        Fields.defaultPointer(spec, "podInfoOnMount", false);
        Fields.defaultPointer(spec, "storageCapacity", false);
        Fields.defaultPointer(spec, "fsGroupPolicy", "ReadWriteOnceWithFSType");
        if (Fields.list(spec, "volumeLifecycleModes").isEmpty()) {
            spec.put("volumeLifecycleModes", Fields.listOf("Persistent"));
        }
        Fields.defaultPointer(spec, "requiresRepublish", false);
        Fields.defaultPointer(spec, "seLinuxMount", false);
    }

    /**
     * The singular name and the list kind follow from the kind, the conversion is {@code None}, and the version
     * marked for storage is the first stored version.
     */
    private static void customResourceDefinition(Map<String, Object> crd) {
        Map<String, Object> spec = Fields.objectOrNew(crd, "spec");
        Map<String, Object> names = Fields.objectOrNew(spec, "names");
        String kind = Fields.string(names, "kind");
        Fields.defaultValue(names, "singular", kind.toLowerCase(Locale.ROOT));
        if (!kind.isEmpty()) {
            Fields.defaultValue(names, "listKind", kind + "List");
        }
        Fields.defaultPointer(spec, "conversion", Fields.map("strategy", "None"));
        Map<String, Object> status = Fields.objectOrNew(crd, "status");
        if (Fields.list(status, "storedVersions").isEmpty()) {
            for (Map<String, Object> version : Fields.objects(spec, "versions")) {
                if (Boolean.TRUE.equals(version.get("storage"))) {
                    status.put("storedVersions", Fields.listOf(version.get("name")));
                    break;
                }
            }
        }
    }
}
