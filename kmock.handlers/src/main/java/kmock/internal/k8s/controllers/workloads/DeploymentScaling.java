package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.controllers.Tree;

/**
 * How many replicas each ReplicaSet of a Deployment gets in one reconcile: proportional scaling while a rollout
 * runs (client-go's {@code scale}), and the rolling update's steps bounded by {@code maxSurge} and
 * {@code maxUnavailable} ({@code reconcileNewReplicaSet}, {@code reconcileOldReplicaSets}).
 */
final class DeploymentScaling {

    private final Map<String, Object> deployment;
    private final DeploymentReplicaSets sets;

    /** The scaling of a Deployment (its copy in this reconcile) over its ReplicaSets. */
    DeploymentScaling(Map<String, Object> deployment, DeploymentReplicaSets sets) {
        this.deployment = deployment;
        this.sets = sets;
    }

    /** Whether a ReplicaSet was sized for another number of replicas than the Deployment's (client-go's {@code isScalingEvent}). */
    boolean scalingEvent() {
        long replicas = RolloutMath.replicas(deployment);
        for (Map<String, Object> rs : sets.all()) {
            long desired = RolloutMath.annotation(rs, RolloutMath.DESIRED_REPLICAS, -1);
            if (RolloutMath.replicas(rs) > 0 && desired >= 0 && desired != replicas) {
                return true;
            }
        }
        return false;
    }

    /** Proportional scaling of the active ReplicaSets (client-go's {@code scale}). */
    void scale() {
        long replicas = RolloutMath.replicas(deployment);
        Map<String, Object> activeOrLatest = activeOrLatest();
        if (activeOrLatest != null) {
            if (RolloutMath.replicas(activeOrLatest) != replicas) {
                sets.scaleTo(activeOrLatest, replicas);
            }
            return;
        }
        if (saturated(sets.newRs())) {
            for (Map<String, Object> old : DeploymentReplicaSets.active(sets.oldRss())) {
                sets.scaleTo(old, 0);
            }
            return;
        }
        if (!RolloutMath.rolling(deployment)) {
            return;
        }
        List<Map<String, Object>> active = DeploymentReplicaSets.active(sets.all());
        long allowed = replicas > 0 ? replicas + RolloutMath.maxSurge(deployment) : 0;
        long toAdd = allowed - RolloutMath.specReplicas(active);
        Comparator<Map<String, Object>> bySize = Comparator.comparingLong(RolloutMath::replicas);
        if (toAdd > 0) {
            active.sort(bySize.reversed().thenComparing(DeploymentRevisions.OLDEST_FIRST.reversed()));
        } else if (toAdd < 0) {
            active.sort(bySize.reversed().thenComparing(DeploymentRevisions.OLDEST_FIRST));
        }
        long added = 0;
        List<Long> sizes = new ArrayList<>();
        for (Map<String, Object> rs : active) {
            long proportion = toAdd == 0 ? 0 : RolloutMath.proportion(rs, deployment, toAdd, added);
            sizes.add(RolloutMath.replicas(rs) + proportion);
            added += proportion;
        }
        for (int i = 0; i < active.size(); i++) {
            long size = sizes.get(i);
            if (i == 0 && toAdd != 0) {
                size = Math.max(0, size + toAdd - added);
            }
            sets.resize(active.get(i), size);
        }
    }

    private Map<String, Object> activeOrLatest() {
        Map<String, Object> newRs = sets.newRs();
        if (newRs == null && sets.oldRss().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> olds = new ArrayList<>(sets.oldRss());
        olds.sort(DeploymentRevisions.OLDEST_FIRST.reversed());
        List<Map<String, Object>> candidates = new ArrayList<>(olds);
        if (newRs != null) {
            candidates.add(newRs);
        }
        List<Map<String, Object>> active = DeploymentReplicaSets.active(candidates);
        if (active.isEmpty()) {
            return newRs != null ? newRs : olds.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    private boolean saturated(Map<String, Object> rs) {
        long replicas = RolloutMath.replicas(deployment);
        return rs != null
                && RolloutMath.annotation(rs, RolloutMath.DESIRED_REPLICAS, -1) == replicas
                && Tree.number(rs, 0, "status", "availableReplicas") == replicas
                && RolloutMath.replicas(rs) == replicas;
    }

    /** Scales the new ReplicaSet toward the replicas as far as {@code maxSurge} lets it; whether it scaled. */
    boolean reconcileNew() {
        Map<String, Object> newRs = sets.newRs();
        long replicas = RolloutMath.replicas(deployment);
        long current = RolloutMath.replicas(newRs);
        if (current == replicas) {
            return false;
        }
        long target = current > replicas ? replicas : RolloutMath.newReplicaSetReplicas(deployment, sets.all(), newRs);
        return sets.scaleTo(newRs, target);
    }

    /** Scales old ReplicaSets down as far as {@code maxUnavailable} lets it, unhealthy ones first; whether any scaled. */
    boolean reconcileOld() {
        if (RolloutMath.specReplicas(sets.oldRss()) == 0) {
            return false;
        }
        Map<String, Object> newRs = sets.newRs();
        long minAvailable = RolloutMath.replicas(deployment) - RolloutMath.maxUnavailable(deployment);
        long newUnavailable = RolloutMath.replicas(newRs) - Tree.number(newRs, 0, "status", "availableReplicas");
        long maxScaledDown = RolloutMath.specReplicas(sets.all()) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        List<Map<String, Object>> olds = new ArrayList<>(sets.oldRss());
        olds.sort(DeploymentRevisions.OLDEST_FIRST);
        long cleaned = 0;
        for (Map<String, Object> rs : olds) {
            long size = RolloutMath.replicas(rs);
            long unhealthy = size - Tree.number(rs, 0, "status", "availableReplicas");
            if (cleaned >= maxScaledDown) {
                break;
            }
            if (size == 0 || unhealthy <= 0) {
                continue;
            }
            long down = Math.min(maxScaledDown - cleaned, unhealthy);
            sets.scaleTo(rs, size - down);
            cleaned += down;
        }
        long available = RolloutMath.statusSum(sets.all(), "availableReplicas");
        long scaled = 0;
        if (available > minAvailable) {
            long total = available - minAvailable;
            olds = new ArrayList<>(sets.oldRss());
            olds.sort(DeploymentRevisions.OLDEST_FIRST);
            for (Map<String, Object> rs : olds) {
                if (scaled >= total) {
                    break;
                }
                long size = RolloutMath.replicas(rs);
                if (size == 0) {
                    continue;
                }
                long down = Math.min(size, total - scaled);
                sets.scaleTo(rs, size - down);
                scaled += down;
            }
        }
        return cleaned + scaled > 0;
    }
}
