package kmock.internal.k8s.controllers.workloads;

import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Tree;

/**
 * The numbers of a Deployment's rollout, as client-go's deployment utilities compute them: {@code maxSurge} and
 * {@code maxUnavailable} resolved against the replicas (percentages rounded up and down, never both zero), how far
 * the new ReplicaSet may grow, and the share of a proportional scaling that falls to each ReplicaSet.
 */
final class RolloutMath {

    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    private RolloutMath() {}

    /** The desired replicas of a Deployment (or a ReplicaSet's spec). */
    static long replicas(Map<String, ?> object) {
        return Tree.number(object, 1, "spec", "replicas");
    }

    /** Whether the Deployment rolls with {@code RollingUpdate} (the default). */
    static boolean rolling(Map<String, ?> deployment) {
        return !"Recreate".equals(Tree.string(deployment, "spec", "strategy", "type"));
    }

    /** {@code maxSurge}, resolved: 0 for {@code Recreate}. */
    static long maxSurge(Map<String, ?> deployment) {
        return rolling(deployment) ? fenceposts(deployment)[0] : 0;
    }

    /** {@code maxUnavailable}, resolved: 0 for {@code Recreate} or no replicas, at most the replicas. */
    static long maxUnavailable(Map<String, ?> deployment) {
        long replicas = replicas(deployment);
        if (!rolling(deployment) || replicas == 0) {
            return 0;
        }
        return Math.min(fenceposts(deployment)[1], replicas);
    }

    private static long[] fenceposts(Map<String, ?> deployment) {
        long replicas = replicas(deployment);
        Object surge = Tree.at(deployment, "spec", "strategy", "rollingUpdate", "maxSurge");
        Object unavailable = Tree.at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable");
        long s = scaled(surge == null ? "25%" : surge, replicas, true);
        long u = scaled(unavailable == null ? "25%" : unavailable, replicas, false);
        if (s == 0 && u == 0) {
            u = 1;
        }
        return new long[] {s, u};
    }

    /** An int-or-percent against a total, a percentage rounded up or down. */
    static long scaled(Object value, long total, boolean roundUp) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = String.valueOf(value).trim();
        if (!text.endsWith("%")) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        long percent;
        try {
            percent = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
        return roundUp ? (percent * total + 99) / 100 : percent * total / 100;
    }

    /** The sum of the ReplicaSets' {@code spec.replicas}. */
    static long specReplicas(List<Map<String, Object>> replicaSets) {
        return replicaSets.stream().mapToLong(RolloutMath::replicas).sum();
    }

    /** The sum of a status field of the ReplicaSets. */
    static long statusSum(List<Map<String, Object>> replicaSets, String field) {
        return replicaSets.stream()
                .mapToLong(rs -> Tree.number(rs, 0, "status", field))
                .sum();
    }

    /** How many replicas the new ReplicaSet may have now (client-go's {@code NewRSNewReplicas}). */
    static long newReplicaSetReplicas(
            Map<String, Object> deployment, List<Map<String, Object>> all, Map<String, Object> newRs) {
        long desired = replicas(deployment);
        if (!rolling(deployment)) {
            return desired;
        }
        long maxTotal = desired + maxSurge(deployment);
        long current = specReplicas(all);
        long now = replicas(newRs);
        if (current >= maxTotal) {
            return now;
        }
        return now + Math.min(maxTotal - current, desired - now);
    }

    /** The share of a proportional scaling that falls to one ReplicaSet (client-go's {@code GetProportion}). */
    static long proportion(Map<String, Object> rs, Map<String, Object> deployment, long toAdd, long added) {
        long size = replicas(rs);
        if (size == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        long fraction;
        if (replicas(deployment) == 0) {
            fraction = -size;
        } else {
            long deploymentReplicas = replicas(deployment) + maxSurge(deployment);
            long annotated = annotation(rs, MAX_REPLICAS, Tree.number(deployment, 0, "status", "replicas"));
            fraction = annotated == 0 ? 0 : Math.round((double) size * deploymentReplicas / annotated) - size;
        }
        long allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** A whole-number annotation, or the fallback. */
    static long annotation(Map<String, Object> object, String name, long fallback) {
        try {
            String value = Tree.annotations(object).get(name);
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
