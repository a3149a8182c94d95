package kmock.internal.k8s.strategy;

import java.util.Map;

import kmock.api.Request;
import kmock.internal.json.Json;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.WriteOptions;

/**
 * The options of a delete, from its query parameters and its {@code DeleteOptions} body (the body wins, as in the
 * API server).
 *
 * @param dryRun             {@code dryRun=All}
 * @param propagationPolicy  {@code Foreground}, {@code Background}, {@code Orphan}, or {@code null}
 * @param orphanDependents   the deprecated {@code orphanDependents}, or {@code null}
 * @param gracePeriodSeconds the grace period asked for, or {@code null}
 * @param uid                the uid precondition, or {@code null}
 * @param resourceVersion    the resourceVersion precondition, or {@code null}
 */
public record DeleteRequest(
        boolean dryRun,
        String propagationPolicy,
        Boolean orphanDependents,
        Long gracePeriodSeconds,
        String uid,
        String resourceVersion) {

    /**
     * The options of a request.
     *
     * @throws KubernetesException 400 for a body that is not a DeleteOptions, 422 for contradicting options
     */
    public static DeleteRequest of(Request request) {
        Map<String, String> params = request.params();
        Map<?, ?> body = body(request.body());
        String dryRun = string(body, "dryRun", params.get("dryRun"));
        String policy = string(body, "propagationPolicy", params.get("propagationPolicy"));
        Boolean orphan = body.get("orphanDependents") instanceof Boolean b
                ? b
                : params.containsKey("orphanDependents") ? Boolean.valueOf(params.get("orphanDependents")) : null;
        Long grace = body.get("gracePeriodSeconds") instanceof Number n
                ? Long.valueOf(n.longValue())
                : number(params.get("gracePeriodSeconds"));
        Map<?, ?> preconditions = body.get("preconditions") instanceof Map<?, ?> p ? p : Map.of();
        if (policy != null
                && !policy.equals("Foreground")
                && !policy.equals("Background")
                && !policy.equals("Orphan")) {
            throw new KubernetesException(
                    Reason.INVALID,
                    "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: " + "Unsupported value: \"" + policy
                            + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        if (policy != null && orphan != null) {
            throw new KubernetesException(
                    Reason.INVALID,
                    "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: " + "Invalid value: \"" + policy
                            + "\": orphanDependents and deletionPropagation cannot be both set");
        }
        return new DeleteRequest(
                dryRun != null && !dryRun.isEmpty() && !dryRun.equals("[]"),
                policy,
                orphan,
                grace,
                preconditions.get("uid") instanceof String uid ? uid : null,
                preconditions.get("resourceVersion") instanceof String rv ? rv : null);
    }

    /** The store's options for this delete. */
    public WriteOptions options() {
        return new WriteOptions(dryRun, uid, resourceVersion);
    }

    /** Whether dependents are to be orphaned: {@code Orphan}, or {@code orphanDependents=true}. */
    public boolean orphans() {
        return "Orphan".equals(propagationPolicy) || Boolean.TRUE.equals(orphanDependents);
    }

    /** Whether dependents are to be deleted first: {@code Foreground}. */
    public boolean foreground() {
        return "Foreground".equals(propagationPolicy);
    }

    private static Map<?, ?> body(byte[] body) {
        if (body == null || body.length == 0) {
            return Map.of();
        }
        try {
            return Json.parse(body) instanceof Map<?, ?> map ? map : invalid();
        } catch (IllegalArgumentException e) {
            return invalid();
        }
    }

    private static Map<?, ?> invalid() {
        throw new KubernetesException(
                Reason.BAD_REQUEST, "the body of a delete must be a DeleteOptions object in JSON");
    }

    private static String string(Map<?, ?> body, String key, String fallback) {
        Object value = body.get(key);
        if (value instanceof java.util.List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0)); // dryRun is a list in the body
        }
        return value instanceof String text ? text : fallback;
    }

    private static Long number(String text) {
        try {
            return text == null || text.isEmpty() ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new KubernetesException(Reason.BAD_REQUEST, "gracePeriodSeconds must be a number, not " + text);
        }
    }
}
