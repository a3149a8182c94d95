package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;

/**
 * The ReplicaSets of one Deployment during one reconcile: the claimed ones, which is new and which are old, kept in
 * step with every write to them, so that each step of the reconcile sees what the ones before it stored.
 */
final class DeploymentReplicaSets {

    private final ClusterClient cluster;
    private final Map<String, Object> deployment;
    private final String namespace;
    private final List<Map<String, Object>> claimed;
    private Map<String, Object> newRs;
    private List<Map<String, Object>> oldRss = List.of();

    /** The claimed ReplicaSets of a Deployment (its mutable copy, read for its spec), none of them new yet. */
    DeploymentReplicaSets(
            ClusterClient cluster,
            Map<String, Object> deployment,
            String namespace,
            List<Map<String, Object>> claimed) {
        this.cluster = cluster;
        this.deployment = deployment;
        this.namespace = namespace;
        this.claimed = new ArrayList<>(claimed);
    }

    /** Every claimed ReplicaSet, new and old. */
    List<Map<String, Object>> claimed() {
        return claimed;
    }

    /** Takes a ReplicaSet (or {@code null}: none) as the new one, and every other claimed one as old. */
    void splitAt(Map<String, Object> newRs) {
        this.newRs = newRs;
        oldRss = new ArrayList<>(claimed);
        oldRss.remove(newRs);
    }

    /** Takes a ReplicaSet made (or found) for the current template as the new one. */
    void adoptNew(Map<String, Object> created) {
        newRs = created;
        claimed.add(created);
    }

    /** The new ReplicaSet, or {@code null} when there is none (yet). */
    Map<String, Object> newRs() {
        return newRs;
    }

    /** The old ReplicaSets. */
    List<Map<String, Object>> oldRss() {
        return oldRss;
    }

    /** The old ReplicaSets, then the new one: a new list. */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>(oldRss);
        if (newRs != null) {
            all.add(newRs);
        }
        return all;
    }

    /** The ReplicaSets among these that want replicas. */
    static List<Map<String, Object>> active(List<Map<String, Object>> replicaSets) {
        List<Map<String, Object>> active = new ArrayList<>();
        for (Map<String, Object> rs : replicaSets) {
            if (rs != null && RolloutMath.replicas(rs) > 0) {
                active.add(rs);
            }
        }
        return active;
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    /** Scales a ReplicaSet unless it has that size already; whether it scaled. */
    boolean scaleTo(Map<String, Object> rs, long size) {
        if (RolloutMath.replicas(rs) == size) {
            return false;
        }
        return resize(rs, size);
    }

    /** Sets a ReplicaSet's size and the replica counts it is sized for; whether its size changed. */
    boolean resize(Map<String, Object> rs, long size) {
        long replicas = RolloutMath.replicas(deployment);
        long max = replicas + RolloutMath.maxSurge(deployment);
        boolean sizeChanges = RolloutMath.replicas(rs) != size;
        Map<String, Object> probe = Tree.copy(rs);
        if (!sizeChanges && !DeploymentRevisions.setReplicasAnnotations(probe, replicas, max)) {
            return false;
        }
        update(rs, edited -> {
            Tree.child(edited, "spec").put("replicas", size);
            DeploymentRevisions.setReplicasAnnotations(edited, replicas, max);
        });
        return sizeChanges;
    }

    /** Writes a change of a ReplicaSet and puts what was stored in its place in the lists. */
    void update(Map<String, Object> rs, Consumer<Map<String, Object>> edit) {
        Map<String, Object> stored = cluster.update(
                new ObjectKey(Kinds.REPLICA_SETS, namespace, Tree.name(rs)), edit, Manager.CONTROLLER_MANAGER);
        if (stored == null) {
            return;
        }
        replace(claimed, rs, stored);
        replace(oldRss, rs, stored);
        if (newRs == rs) {
            newRs = stored;
        }
    }

    private static void replace(List<Map<String, Object>> list, Map<String, Object> old, Map<String, Object> now) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == old) {
                list.set(i, now);
            }
        }
    }

    /** Deletes the oldest old ReplicaSets beyond {@code revisionHistoryLimit} that have scaled to nothing. */
    void cleanup() {
        long limit = Tree.number(deployment, 10, "spec", "revisionHistoryLimit");
        List<Map<String, Object>> cleanable =
                new ArrayList<>(oldRss.stream().filter(rs -> !Tree.deleting(rs)).toList());
        long excess = cleanable.size() - limit;
        if (excess <= 0) {
            return;
        }
        cleanable.sort(
                Comparator.comparingLong(DeploymentRevisions::of).thenComparing(DeploymentRevisions.OLDEST_FIRST));
        for (int i = 0; i < excess; i++) {
            Map<String, Object> rs = cleanable.get(i);
            if (Tree.number(rs, 0, "status", "replicas") != 0
                    || RolloutMath.replicas(rs) != 0
                    || Tree.number(rs, 0, "metadata", "generation")
                            > Tree.number(rs, 0, "status", "observedGeneration")) {
                continue;
            }
            cluster.delete(
                    new ObjectKey(Kinds.REPLICA_SETS, namespace, Tree.name(rs)),
                    Tree.uid(rs),
                    null,
                    null,
                    Manager.CONTROLLER_MANAGER);
        }
    }

    // ---- what the ReplicaSets report -----------------------------------------------------------------------------

    /** Whether old ReplicaSets still have pods that have not finished (Recreate waits for them to go). */
    boolean oldPodsRunning() {
        if (RolloutMath.statusSum(oldRss, "replicas") > 0) {
            return true;
        }
        List<Object> oldUids = oldRss.stream().map(rs -> (Object) Tree.uid(rs)).toList();
        return cluster.list(Kinds.PODS, namespace, pod -> {
                            Map<String, Object> ref = Owners.controllerOf(pod);
                            return ref != null && oldUids.contains(ref.get("uid")) && !Pods.terminal(pod);
                        })
                        .size()
                > 0;
    }

    /** The {@code ReplicaFailure} condition of the new ReplicaSet, else of an old one, or {@code null}. */
    Map<String, Object> replicaFailure() {
        List<Map<String, Object>> order = new ArrayList<>();
        if (newRs != null) {
            order.add(newRs);
        }
        order.addAll(oldRss);
        for (Map<String, Object> rs : order) {
            Map<String, Object> failure = Conditions.find(Tree.map(rs.get("status")), "ReplicaFailure");
            if (failure != null && "True".equals(failure.get("status"))) {
                return failure;
            }
        }
        return null;
    }
}
