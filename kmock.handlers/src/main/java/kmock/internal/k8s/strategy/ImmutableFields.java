package kmock.internal.k8s.strategy;

import static kmock.internal.k8s.strategy.KindRules.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kmock.internal.k8s.store.JsonTree;

/**
 * The fields an update may not change, kind by kind, with the API server's messages: workload selectors, a Job's
 * template and selector, a Service's cluster IPs, an immutable ConfigMap's or Secret's data, a Secret's type, a
 * role binding's roleRef, a pod's spec beyond its images and a few more, a claim's spec, a CRD's scope.
 */
final class ImmutableFields {

    private ImmutableFields() {}

    /** Checks an update of a built-in kind or a CustomResourceDefinition. */
    static void check(
            String group, String kind, Map<String, Object> object, Map<String, Object> current, FieldErrors errors) {
        Map<?, ?> spec = map(object.get("spec"));
        Map<?, ?> before = map(current.get("spec"));
        switch (group + "/" + kind) {
            case "apps/Deployment", "apps/ReplicaSet", "apps/DaemonSet" ->
                unchanged("spec.selector", spec.get("selector"), before.get("selector"), errors);
            case "apps/StatefulSet" -> {
                unchanged("spec.selector", spec.get("selector"), before.get("selector"), errors);
                if (!sameExcept(
                        spec,
                        before,
                        List.of(
                                "replicas",
                                "ordinals",
                                "template",
                                "updateStrategy",
                                "persistentVolumeClaimRetentionPolicy",
                                "minReadySeconds"))) {
                    errors.forbidden(
                            "spec",
                            "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                                    + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
                }
            }
            case "batch/Job" -> {
                unchanged("spec.selector", spec.get("selector"), before.get("selector"), errors);
                unchanged("spec.template", spec.get("template"), before.get("template"), errors);
                unchanged("spec.completionMode", spec.get("completionMode"), before.get("completionMode"), errors);
            }
            case "/Service" -> {
                Object ip = before.get("clusterIP");
                if (ip instanceof String set
                        && !set.isEmpty()
                        && !Objects.equals(ip, spec.get("clusterIP"))
                        && !"ExternalName".equals(spec.get("type"))) {
                    errors.invalid(
                            "spec.clusterIPs[0]",
                            List.of(String.valueOf(spec.get("clusterIP"))),
                            "may not change once set");
                }
            }
            case "/ConfigMap", "/Secret" -> immutableData(kind, object, current, errors);
            case "/Pod" -> {
                if (!sameExcept(
                                spec,
                                before,
                                List.of(
                                        "containers",
                                        "initContainers",
                                        "activeDeadlineSeconds",
                                        "tolerations",
                                        "terminationGracePeriodSeconds",
                                        "schedulingGates"))
                        || !sameBesidesImages(spec, before, "containers")
                        || !sameBesidesImages(spec, before, "initContainers")) {
                    errors.forbidden(
                            "spec",
                            "pod updates may not change fields other than `spec.containers[*].image`,"
                                    + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                                    + "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                                    + "previously negative)");
                }
            }
            case "/PersistentVolumeClaim" -> {
                if (!sameExcept(spec, before, List.of("resources", "volumeAttributesClassName", "volumeName"))) {
                    errors.forbidden(
                            "spec",
                            "spec is immutable after creation except resources.requests and "
                                    + "volumeAttributesClassName for bound claims");
                }
            }
            case "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" -> {
                if (!JsonTree.same(object.get("roleRef"), current.get("roleRef"))) {
                    errors.invalid("roleRef", object.get("roleRef"), "cannot change roleRef");
                }
            }
            case "apiextensions.k8s.io/CustomResourceDefinition" ->
                unchanged("spec.scope", spec.get("scope"), before.get("scope"), errors);
            default -> {
                // no immutable fields besides the metadata the store guards
            }
        }
    }

    private static void immutableData(
            String kind, Map<String, Object> object, Map<String, Object> current, FieldErrors errors) {
        if (kind.equals("Secret") && !Objects.equals(object.get("type"), current.get("type"))) {
            errors.invalid("type", object.get("type"), "field is immutable");
        }
        if (!Boolean.TRUE.equals(current.get("immutable"))) {
            return;
        }
        if (!Boolean.TRUE.equals(object.get("immutable"))) {
            errors.forbidden("immutable", "field is immutable when `immutable` is set");
        }
        for (String field : List.of("data", kind.equals("Secret") ? "stringData" : "binaryData")) {
            if (!JsonTree.same(object.get(field), current.get(field))) {
                errors.forbidden(field, "field is immutable when `immutable` is set");
            }
        }
    }

    private static void unchanged(String path, Object value, Object before, FieldErrors errors) {
        if (!JsonTree.same(value, before)) {
            errors.invalid(path, value, "field is immutable");
        }
    }

    private static boolean sameExcept(Map<?, ?> spec, Map<?, ?> before, List<String> mutable) {
        Map<Object, Object> a = new LinkedHashMap<>(spec);
        Map<Object, Object> b = new LinkedHashMap<>(before);
        mutable.forEach(key -> {
            a.remove(key);
            b.remove(key);
        });
        return JsonTree.same(a, b);
    }

    /** Whether two container lists differ in nothing but their images. */
    private static boolean sameBesidesImages(Map<?, ?> spec, Map<?, ?> before, String field) {
        List<?> now = KindRules.list(spec.get(field));
        List<?> then = KindRules.list(before.get(field));
        if (now.size() != then.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            Map<Object, Object> a = new LinkedHashMap<>(map(now.get(i)));
            Map<Object, Object> b = new LinkedHashMap<>(map(then.get(i)));
            a.remove("image");
            b.remove("image");
            if (!JsonTree.same(a, b)) {
                return false;
            }
        }
        return true;
    }
}
