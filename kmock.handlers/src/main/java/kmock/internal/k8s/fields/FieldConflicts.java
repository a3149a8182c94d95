package kmock.internal.k8s.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.internal.k8s.status.KubernetesException;

/**
 * An apply that would change fields other managers own: per manager identifier, the fields. Rendered as the API
 * server's 409: a {@code Status} with reason {@code Conflict}, one {@code FieldManagerConflict} cause per field,
 * and the message kubectl prints before its advice on {@code --force-conflicts}.
 */
final class FieldConflicts extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, FieldSet> byManager;

    FieldConflicts(Map<String, FieldSet> byManager) {
        super(null, null, false, false);
        this.byManager = new TreeMap<>(byManager);
    }

    /** Every conflicting path of every manager, as one set. */
    FieldSet paths() {
        FieldSet all = new FieldSet();
        for (FieldSet set : byManager.values()) {
            all = all.union(set);
        }
        return all;
    }

    /** The conflicts outside a set of allowed paths, or {@code null} when none is left. */
    FieldConflicts without(FieldSet allowed) {
        Map<String, FieldSet> rest = new TreeMap<>();
        byManager.forEach((manager, set) -> {
            FieldSet left = set.difference(allowed);
            if (!left.isEmpty()) {
                rest.put(manager, left);
            }
        });
        return rest.isEmpty() ? null : new FieldConflicts(rest);
    }

    /** The 409 the API server answers. */
    KubernetesException toException() {
        List<KubernetesException.Cause> causes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        byManager.forEach((manager, set) -> {
            lines.add("conflicts with " + printManager(manager) + ":");
            set.forEachPath(path -> {
                causes.add(new KubernetesException.Cause(
                        "FieldManagerConflict", "conflict with " + printManager(manager), Paths.toString(path)));
                lines.add("- " + Paths.toString(path));
            });
        });
        String message = causes.size() == 1
                ? "Apply failed with 1 conflict: " + causes.get(0).message() + ": "
                        + causes.get(0).field()
                : "Apply failed with " + causes.size() + " conflicts: " + String.join("\n", lines);
        return new KubernetesException(KubernetesException.Reason.CONFLICT, message, null, null, null, causes);
    }

    /** A manager as conflict messages name it: {@code "kubectl"}, or {@code "kube-controller" using apps/v1} for updaters. */
    static String printManager(String identifier) {
        Map<?, ?> parts;
        try {
            parts = Managers.parts(identifier);
        } catch (RuntimeException e) {
            return JsonValues.goQuote(identifier);
        }
        String name = JsonValues.goQuote(parts.get("manager") instanceof String m ? m : "");
        if (parts.get("subresource") instanceof String subresource) {
            name += " with subresource " + JsonValues.goQuote(subresource);
        }
        if ("Update".equals(parts.get("operation"))) {
            name += " using " + (parts.get("apiVersion") instanceof String v ? v : "");
        }
        return name;
    }
}
