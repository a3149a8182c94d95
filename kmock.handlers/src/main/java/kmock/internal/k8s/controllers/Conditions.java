package kmock.internal.k8s.controllers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Status conditions as the controllers set them. Pods keep each condition in its place and its
 * {@code lastTransitionTime} while its status holds; Deployments, ReplicaSets, Jobs and Namespaces replace a
 * condition that changed by a new one at the end of the list, keeping its {@code lastTransitionTime} only when the
 * status is the same (client-go's {@code SetDeploymentCondition} and its siblings).
 */
public final class Conditions {

    private Conditions() {}

    /** The condition of a type, or {@code null}. */
    public static Map<String, Object> find(Map<String, ?> status, String type) {
        for (Object item : Tree.list(status.get("conditions"))) {
            Map<String, Object> condition = Tree.map(item);
            if (type.equals(condition.get("type"))) {
                return condition;
            }
        }
        return null;
    }

    /** Whether a condition of a type has status {@code True}. */
    public static boolean isTrue(Map<String, ?> status, String type) {
        Map<String, Object> condition = find(status, type);
        return condition != null && "True".equals(condition.get("status"));
    }

    /** Removes the condition of a type; whether there was one. */
    public static boolean remove(Map<String, Object> status, String type) {
        List<Object> conditions = Tree.childList(status, "conditions");
        boolean removed = conditions.removeIf(item -> type.equals(Tree.map(item).get("type")));
        if (conditions.isEmpty()) {
            status.remove("conditions");
        }
        return removed;
    }

    /**
     * Sets a pod's condition in place (added at the end when new): {@code lastTransitionTime} moves only when the
     * status changes.
     */
    public static void setPod(
            Map<String, Object> status, String type, String value, String reason, String message, String now) {
        List<Object> conditions = Tree.childList(status, "conditions");
        Map<String, Object> current = find(status, type);
        String transition =
                current != null && value.equals(current.get("status")) && current.get("lastTransitionTime") != null
                        ? (String) current.get("lastTransitionTime")
                        : now;
        Map<String, Object> condition =
                Tree.object("type", type, "status", value, "lastProbeTime", null, "lastTransitionTime", transition);
        if (reason != null) {
            condition.put("reason", reason);
        }
        if (message != null) {
            condition.put("message", message);
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(Tree.map(conditions.get(i)).get("type"))) {
                conditions.set(i, condition);
                return;
            }
        }
        conditions.add(condition);
    }

    /**
     * Sets a workload's condition: nothing changes when the status and reason are the same (and, with
     * {@code compareMessage}, the message); otherwise the old one goes and the new one is appended, keeping the
     * old {@code lastTransitionTime} when only the reason or message changed.
     *
     * @param condition the new condition, with its timestamps at now
     * @return whether the conditions changed
     */
    public static boolean setWorkload(
            Map<String, Object> status, Map<String, Object> condition, boolean compareMessage) {
        String type = (String) condition.get("type");
        Map<String, Object> current = find(status, type);
        if (current != null
                && Objects.equals(current.get("status"), condition.get("status"))
                && Objects.equals(current.get("reason"), condition.get("reason"))
                && (!compareMessage || Objects.equals(current.get("message"), condition.get("message")))) {
            return false;
        }
        if (current != null && Objects.equals(current.get("status"), condition.get("status"))) {
            condition.put("lastTransitionTime", current.get("lastTransitionTime"));
        }
        remove(status, type);
        Tree.childList(status, "conditions").add(condition);
        return true;
    }

    /** A Deployment's condition, with both timestamps at now. */
    public static Map<String, Object> deployment(String type, String value, String reason, String message, String now) {
        return Tree.object(
                "type",
                type,
                "status",
                value,
                "lastUpdateTime",
                now,
                "lastTransitionTime",
                now,
                "reason",
                reason,
                "message",
                message);
    }

    /** A Job's condition, with its probe and transition times at now. */
    public static Map<String, Object> job(String type, String value, String reason, String message, String now) {
        return Tree.object(
                "type",
                type,
                "status",
                value,
                "lastProbeTime",
                now,
                "lastTransitionTime",
                now,
                "reason",
                reason,
                "message",
                message);
    }

    /** A condition with a transition time only (ReplicaSets, Namespaces). */
    public static Map<String, Object> plain(String type, String value, String reason, String message, String now) {
        return Tree.object(
                "type", type, "status", value, "lastTransitionTime", now, "reason", reason, "message", message);
    }
}
