package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Tree;

/**
 * A Deployment's status as the deployment controller computes it: the counts over its ReplicaSets, the
 * {@code Available} condition (enough replicas available for {@code maxUnavailable}) and the {@code Progressing}
 * condition of a rollout (a new ReplicaSet, progress, completion, or a missed {@code progressDeadlineSeconds}).
 */
final class DeploymentStatuses {

    static final String PROGRESSING = "Progressing";
    static final String AVAILABLE = "Available";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";

    private DeploymentStatuses() {}

    /** The progress deadline in seconds, or -1 when there is none (the API server defaults it to 600). */
    static long progressDeadline(Map<String, Object> deployment) {
        long seconds = Tree.number(deployment, 600, "spec", "progressDeadlineSeconds");
        return seconds == Integer.MAX_VALUE ? -1 : seconds;
    }

    /** The status from the ReplicaSets, with the {@code Available} condition (client-go's {@code calculateStatus}). */
    static Map<String, Object> calculate(
            Map<String, Object> deployment, List<Map<String, Object>> all, Map<String, Object> newRs, String now) {
        Map<String, Object> current = Tree.map(deployment.get("status"));
        long available = RolloutMath.statusSum(all, "availableReplicas");
        long unavailable = Math.max(0, RolloutMath.specReplicas(all) - available);
        Map<String, Object> status = Tree.object(
                "observedGeneration",
                Tree.number(deployment, 0, "metadata", "generation"),
                "replicas",
                RolloutMath.statusSum(all, "replicas"),
                "updatedReplicas",
                newRs == null ? 0L : Tree.number(newRs, 0, "status", "replicas"),
                "readyReplicas",
                RolloutMath.statusSum(all, "readyReplicas"),
                "availableReplicas",
                available,
                "unavailableReplicas",
                unavailable);
        if (!Tree.list(current.get("conditions")).isEmpty()) {
            status.put("conditions", Tree.copyValue(current.get("conditions")));
        }
        if (current.get("collisionCount") != null) {
            status.put("collisionCount", current.get("collisionCount"));
        }
        if (available >= RolloutMath.replicas(deployment) - RolloutMath.maxUnavailable(deployment)) {
            Conditions.setWorkload(
                    status,
                    Conditions.deployment(
                            AVAILABLE, "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now),
                    false);
        } else {
            Conditions.setWorkload(
                    status,
                    Conditions.deployment(
                            AVAILABLE,
                            "False",
                            "MinimumReplicasUnavailable",
                            "Deployment does not have minimum availability.",
                            now),
                    false);
        }
        return status;
    }

    /** Whether the rollout is complete: every replica updated and available, and the latest spec observed. */
    static boolean complete(Map<String, Object> deployment, Map<String, Object> status) {
        long replicas = RolloutMath.replicas(deployment);
        return Tree.number(status, 0, "updatedReplicas") == replicas
                && Tree.number(status, 0, "replicas") == replicas
                && Tree.number(status, 0, "availableReplicas") == replicas
                && Tree.number(status, 0, "observedGeneration") >= Tree.number(deployment, 0, "metadata", "generation");
    }

    /**
     * The status with the rollout's progress (client-go's {@code syncRolloutStatus}, less the write).
     *
     * @return when the deployment must be looked at again for its deadline, or {@code null}
     */
    static Instant progress(
            Map<String, Object> deployment,
            Map<String, Object> status,
            Map<String, Object> newRs,
            Map<String, Object> failure,
            Instant now,
            String timestamp) {
        long deadline = progressDeadline(deployment);
        if (deadline < 0) {
            Conditions.remove(status, PROGRESSING);
        }
        Map<String, Object> old = Tree.map(deployment.get("status"));
        Map<String, Object> currentCondition = Conditions.find(old, PROGRESSING);
        boolean completeDeployment = Tree.number(status, 0, "replicas") == Tree.number(status, 0, "updatedReplicas")
                && currentCondition != null
                && NEW_RS_AVAILABLE.equals(currentCondition.get("reason"));
        String name = newRs == null
                ? "Deployment \"" + Tree.name(deployment) + "\""
                : "ReplicaSet \"" + Tree.name(newRs) + "\"";
        if (deadline >= 0 && !completeDeployment) {
            if (complete(deployment, status)) {
                Conditions.setWorkload(
                        status,
                        Conditions.deployment(
                                PROGRESSING,
                                "True",
                                NEW_RS_AVAILABLE,
                                name + " has successfully progressed.",
                                timestamp),
                        false);
            } else if (progressing(old, status)) {
                Map<String, Object> condition = Conditions.deployment(
                        PROGRESSING, "True", "ReplicaSetUpdated", name + " is progressing.", timestamp);
                Map<String, Object> existing = Conditions.find(status, PROGRESSING);
                if (existing != null) {
                    if ("True".equals(existing.get("status"))) {
                        condition.put("lastTransitionTime", existing.get("lastTransitionTime"));
                    }
                    Conditions.remove(status, PROGRESSING);
                }
                Conditions.setWorkload(status, condition, false);
            } else if (timedOut(deployment, status, now)) {
                Conditions.setWorkload(
                        status,
                        Conditions.deployment(
                                PROGRESSING, "False", TIMED_OUT, name + " has timed out progressing.", timestamp),
                        false);
            }
        }
        if (failure != null) {
            Conditions.setWorkload(
                    status,
                    Conditions.deployment(
                            "ReplicaFailure",
                            "True",
                            String.valueOf(failure.get("reason")),
                            String.valueOf(failure.get("message")),
                            timestamp),
                    false);
        } else {
            Conditions.remove(status, "ReplicaFailure");
        }
        return stuckUntil(deployment, status);
    }

    /** Whether the rollout moved since the stored status (client-go's {@code DeploymentProgressing}). */
    private static boolean progressing(Map<String, Object> old, Map<String, Object> status) {
        long oldOld = Tree.number(old, 0, "replicas") - Tree.number(old, 0, "updatedReplicas");
        long newOld = Tree.number(status, 0, "replicas") - Tree.number(status, 0, "updatedReplicas");
        return Tree.number(status, 0, "updatedReplicas") > Tree.number(old, 0, "updatedReplicas")
                || newOld < oldOld
                || Tree.number(status, 0, "readyReplicas") > Tree.number(old, 0, "readyReplicas")
                || Tree.number(status, 0, "availableReplicas") > Tree.number(old, 0, "availableReplicas");
    }

    private static boolean timedOut(Map<String, Object> deployment, Map<String, Object> status, Instant now) {
        Map<String, Object> condition = Conditions.find(status, PROGRESSING);
        if (condition == null || NEW_RS_AVAILABLE.equals(condition.get("reason"))) {
            return false;
        }
        if (TIMED_OUT.equals(condition.get("reason"))) {
            return true;
        }
        Instant from = Tree.time(condition.get("lastUpdateTime"));
        return from != null && now.isAfter(from.plusSeconds(progressDeadline(deployment)));
    }

    /** When a rollout that has not finished nor timed out reaches its deadline, or {@code null}. */
    private static Instant stuckUntil(Map<String, Object> deployment, Map<String, Object> status) {
        Map<String, Object> condition = Conditions.find(status, PROGRESSING);
        long deadline = progressDeadline(deployment);
        if (deadline < 0
                || condition == null
                || complete(deployment, status)
                || NEW_RS_AVAILABLE.equals(condition.get("reason"))
                || TIMED_OUT.equals(condition.get("reason"))) {
            return null;
        }
        Instant from = Tree.time(condition.get("lastUpdateTime"));
        return from == null ? null : from.plusSeconds(deadline + 1);
    }
}
