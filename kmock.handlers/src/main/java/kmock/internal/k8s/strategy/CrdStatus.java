package kmock.internal.k8s.strategy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.defaults.Fields;
import kmock.internal.k8s.store.JsonTree;

/**
 * A CustomResourceDefinition's status, set at once as the apiextensions-apiserver's strategy and controllers set it
 * within moments of a write (pkg/registry/customresourcedefinition, pkg/controller/status, establish and
 * apiapproval): the storage version joins {@code storedVersions}, the requested names are accepted
 * ({@code NamesAccepted}, reason {@code NoConflicts}) and the resource is served ({@code Established}, reason
 * {@code InitialNamesAccepted}), so clients waiting for {@code Established} proceed at once. A definition in a
 * protected group ({@code *.k8s.io}, {@code *.kubernetes.io}) also gets {@code KubernetesAPIApprovalPolicyConformant}.
 * Name conflicts between definitions of one group are not checked.
 */
final class CrdStatus implements KindHook {

    /** The CustomResourceDefinition kind's steps. */
    static final KindHook HOOK = new CrdStatus();

    private static final String APPROVAL = "api-approved.kubernetes.io";

    private CrdStatus() {}

    @Override
    public void prepareForCreate(Cluster cluster, Map<String, Object> crd, Object givenStatus) {
        update(cluster, crd);
    }

    @Override
    public void prepareForUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> crd) {
        update(cluster, crd);
    }

    private static void update(Cluster cluster, Map<String, Object> crd) {
        Map<String, Object> spec = Fields.object(crd, "spec");
        Map<String, Object> status = Fields.objectOrNew(crd, "status");
        List<Object> stored = new ArrayList<>(Fields.list(status, "storedVersions"));
        for (Map<String, Object> version : Fields.objects(spec, "versions")) {
            if (Boolean.TRUE.equals(version.get("storage"))) {
                if (!stored.contains(version.get("name"))) {
                    stored.add(version.get("name"));
                }
                break;
            }
        }
        status.put("storedVersions", stored);
        Map<String, Object> names = Fields.object(spec, "names");
        if (names != null) {
            status.put("acceptedNames", JsonTree.copy(names));
        }
        condition(cluster, status, "NamesAccepted", "True", "NoConflicts", "no conflicts found");
        condition(
                cluster, status, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted");
        String group = Fields.string(spec, "group");
        if (group.equals("k8s.io")
                || group.endsWith(".k8s.io")
                || group.equals("kubernetes.io")
                || group.endsWith(".kubernetes.io")) {
            approval(
                    cluster,
                    status,
                    Fields.string(Fields.object(Fields.object(crd, "metadata"), "annotations"), APPROVAL));
        }
    }

    /** The API approval of a definition in a protected group, from its {@code api-approved.kubernetes.io} annotation. */
    private static void approval(Cluster cluster, Map<String, Object> status, String annotation) {
        String type = "KubernetesAPIApprovalPolicyConformant";
        String required = "protected groups must have approval annotation \"" + APPROVAL + "\"";
        String link = "see https://github.com/kubernetes/enhancements/pull/1111";
        if (annotation.isEmpty()) {
            condition(cluster, status, type, "False", "MissingAnnotation", required + ", " + link);
        } else if (annotation.startsWith("unapproved")) {
            condition(cluster, status, type, "False", "UnapprovedAnnotation", "not approved: \"" + annotation + "\"");
        } else if (isUrl(annotation)) {
            condition(cluster, status, type, "True", "ApprovedAnnotation", "approved in " + annotation);
        } else {
            condition(
                    cluster,
                    status,
                    type,
                    "False",
                    "InvalidAnnotation",
                    required + " with either a URL or a reason starting with \"unapproved\", " + link);
        }
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Sets a condition; its transition time changes only when its status does, as the controllers set them. */
    @SuppressWarnings("unchecked")
    private static void condition(
            Cluster cluster, Map<String, Object> status, String type, String value, String reason, String message) {
        List<Object> conditions = new ArrayList<>(Fields.list(status, "conditions"));
        Map<String, Object> existing = null;
        for (Object item : conditions) {
            if (item instanceof Map<?, ?> condition && type.equals(condition.get("type"))) {
                existing = (Map<String, Object>) condition;
            }
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", value);
        condition.put(
                "lastTransitionTime",
                existing != null && value.equals(existing.get("status")) && existing.get("lastTransitionTime") != null
                        ? existing.get("lastTransitionTime")
                        : cluster.now());
        condition.put("reason", reason);
        condition.put("message", message);
        if (existing != null) {
            conditions.set(conditions.indexOf(existing), condition);
        } else {
            conditions.add(condition);
        }
        status.put("conditions", conditions);
    }
}
