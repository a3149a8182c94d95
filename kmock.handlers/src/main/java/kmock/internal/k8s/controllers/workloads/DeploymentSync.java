package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.LabelSelectors;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Pods;
import kmock.internal.k8s.controllers.Templates;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;

/**
 * One reconcile of one Deployment, in the steps of kube-controller-manager's {@code syncDeployment}: claim the
 * ReplicaSets, find (or make) the new one and sync revisions, then scale (paused, or a scaling event), roll out, or
 * only report; the Deployment's annotations and status changes of the whole reconcile are written once, at the end,
 * through the status subresource.
 */
final class DeploymentSync {

    private final ClusterClient cluster;
    private final Controller controller;
    private final ObjectKey key;
    private final Map<String, Object> deployment;
    private final String now;
    private List<Map<String, Object>> replicaSets;
    private Map<String, Object> newRs;
    private List<Map<String, Object>> oldRss = List.of();
    /** The revision to write in the Deployment's annotation, or {@code null} to leave it. */
    private String revision;

    DeploymentSync(ClusterClient cluster, Controller controller, ObjectKey key, Map<String, Object> stored) {
        this.cluster = cluster;
        this.controller = controller;
        this.key = key;
        this.deployment = Tree.copy(stored);
        this.now = cluster.timestamp();
    }

    void run() {
        Object selector = Tree.at(deployment, "spec", "selector");
        if (LabelSelectors.isEmpty(selector)) {
            Tree.child(deployment, "status")
                    .put("observedGeneration", Tree.number(deployment, 0, "metadata", "generation"));
            write();
            return;
        }
        replicaSets = new ArrayList<>(Owners.claim(
                cluster,
                Kinds.REPLICA_SETS,
                deployment,
                cluster.list(Kinds.REPLICA_SETS, key.namespace(), Owners.claimable(deployment)),
                LabelSelectors.of(selector),
                Owners.controllerRef(deployment, "apps/v1", "Deployment")));
        if (Tree.deleting(deployment)) {
            sync(false, false);
            return;
        }
        pausedConditions();
        boolean paused = Tree.isTrue(deployment, "spec", "paused");
        if (paused) {
            sync(true, true);
        } else if (scalingEvent()) {
            sync(true, false);
        } else if (RolloutMath.rolling(deployment)) {
            rolling();
        } else {
            recreate();
        }
    }

    /** A paused Deployment says so in its {@code Progressing} condition, and a resumed one too (unless it timed out). */
    private void pausedConditions() {
        if (DeploymentStatuses.progressDeadline(deployment) < 0) {
            return;
        }
        Map<String, Object> condition = Conditions.find(status(), DeploymentStatuses.PROGRESSING);
        if (condition != null && DeploymentStatuses.TIMED_OUT.equals(condition.get("reason"))) {
            return;
        }
        boolean pausedShown = condition != null && "DeploymentPaused".equals(condition.get("reason"));
        boolean paused = Tree.isTrue(deployment, "spec", "paused");
        if (paused && !pausedShown) {
            Conditions.setWorkload(
                    status(),
                    Conditions.deployment(
                            DeploymentStatuses.PROGRESSING, "Unknown", "DeploymentPaused", "Deployment is paused", now),
                    false);
        } else if (!paused && pausedShown) {
            Conditions.setWorkload(
                    status(),
                    Conditions.deployment(
                            DeploymentStatuses.PROGRESSING,
                            "Unknown",
                            "DeploymentResumed",
                            "Deployment is resumed",
                            now),
                    false);
        }
    }

    // ---- the new and old ReplicaSets, and revisions --------------------------------------------------------------

    /** Finds the new ReplicaSet (making it when asked and missing) and brings revisions up to date. */
    private void newAndOld(boolean create) {
        newRs = DeploymentRevisions.findNew(deployment, replicaSets);
        oldRss = new ArrayList<>(replicaSets);
        oldRss.remove(newRs);
        long newRevision = DeploymentRevisions.max(oldRss) + 1;
        if (newRs != null) {
            Map<String, Object> copy = Tree.copy(newRs);
            boolean annotations = DeploymentRevisions.setNewReplicaSetAnnotations(deployment, copy, newRevision, true);
            long minReady = Tree.number(deployment, 0, "spec", "minReadySeconds");
            if (annotations || Tree.number(copy, 0, "spec", "minReadySeconds") != minReady) {
                newRs = updateRs(newRs, edited -> {
                    DeploymentRevisions.setNewReplicaSetAnnotations(deployment, edited, newRevision, true);
                    Tree.child(edited, "spec").put("minReadySeconds", minReady);
                });
                return;
            }
            setRevision(DeploymentRevisions.of(newRs));
            if (DeploymentStatuses.progressDeadline(deployment) >= 0
                    && Conditions.find(status(), DeploymentStatuses.PROGRESSING) == null) {
                Conditions.setWorkload(
                        status(),
                        Conditions.deployment(
                                DeploymentStatuses.PROGRESSING,
                                "True",
                                "FoundNewReplicaSet",
                                "Found new replica set \"" + Tree.name(newRs) + "\"",
                                now),
                        false);
            }
            return;
        }
        if (create) {
            createNew(newRevision);
        }
    }

    private void createNew(long newRevision) {
        Map<String, Object> template = Tree.copy(Tree.map(Tree.at(deployment, "spec", "template")));
        Long collisions = Tree.at(deployment, "status", "collisionCount") instanceof Number n ? n.longValue() : null;
        String hash = Templates.hash(template, collisions);
        Tree.child(Tree.child(template, "metadata"), "labels").put(DeploymentRevisions.HASH, hash);
        Map<String, Object> selector = Tree.copy(Tree.map(Tree.at(deployment, "spec", "selector")));
        Tree.child(selector, "matchLabels").put(DeploymentRevisions.HASH, hash);
        String name = Tree.name(deployment) + "-" + hash;
        Map<String, Object> rs = Tree.object(
                "apiVersion",
                "apps/v1",
                "kind",
                "ReplicaSet",
                "metadata",
                Tree.object(
                        "name",
                        name,
                        "namespace",
                        key.namespace(),
                        "labels",
                        Tree.copyValue(Tree.at(template, "metadata", "labels")),
                        "ownerReferences",
                        new ArrayList<>(List.of(Owners.controllerRef(deployment, "apps/v1", "Deployment")))),
                "spec",
                Tree.object(
                        "replicas",
                        0L,
                        "minReadySeconds",
                        Tree.number(deployment, 0, "spec", "minReadySeconds"),
                        "selector",
                        selector,
                        "template",
                        template));
        List<Map<String, Object>> all = new ArrayList<>(oldRss);
        all.add(rs);
        Tree.child(rs, "spec").put("replicas", RolloutMath.newReplicaSetReplicas(deployment, all, rs));
        DeploymentRevisions.setNewReplicaSetAnnotations(deployment, rs, newRevision, false);
        Map<String, Object> created =
                cluster.create(Kinds.REPLICA_SETS, key.namespace(), rs, Manager.CONTROLLER_MANAGER);
        boolean existed = created == null;
        if (existed) {
            Map<String, Object> existing = cluster.get(Kinds.REPLICA_SETS, key.namespace(), name);
            if (existing != null
                    && Owners.controlledBy(existing, deployment)
                    && Tree.same(
                            DeploymentRevisions.withoutHash(Tree.at(existing, "spec", "template")),
                            DeploymentRevisions.withoutHash(Tree.at(deployment, "spec", "template")))) {
                created = existing;
            } else {
                // A hash collision with a ReplicaSet that is not ours: count it, and the next hash differs.
                status().put("collisionCount", (collisions == null ? 0 : collisions) + 1);
                newRs = null;
                return;
            }
        }
        newRs = created;
        replicaSets.add(created);
        setRevision(newRevision);
        if (!existed && DeploymentStatuses.progressDeadline(deployment) >= 0) {
            Conditions.setWorkload(
                    status(),
                    Conditions.deployment(
                            DeploymentStatuses.PROGRESSING,
                            "True",
                            "NewReplicaSetCreated",
                            "Created new replica set \"" + name + "\"",
                            now),
                    false);
        }
    }

    private void setRevision(long revision) {
        Map<String, Object> annotations = Tree.child(Tree.child(deployment, "metadata"), "annotations");
        annotations.put(DeploymentRevisions.REVISION, Long.toString(revision));
        this.revision = Long.toString(revision);
    }

    // ---- scaling (paused, scaling events) ------------------------------------------------------------------------

    /** Scaling without a rollout (paused, or only the replicas changed), or only the status ({@code scale} false). */
    private void sync(boolean scale, boolean paused) {
        newAndOld(false);
        if (scale) {
            scale();
            if (paused) {
                cleanup();
            }
        }
        Map<String, Object> status = DeploymentStatuses.calculate(deployment, all(), newRs, now);
        deployment.put("status", status);
        write();
    }

    /** Whether a ReplicaSet was sized for another number of replicas than the Deployment's (client-go's {@code isScalingEvent}). */
    private boolean scalingEvent() {
        newAndOld(false);
        long replicas = RolloutMath.replicas(deployment);
        for (Map<String, Object> rs : all()) {
            long desired = RolloutMath.annotation(rs, RolloutMath.DESIRED_REPLICAS, -1);
            if (RolloutMath.replicas(rs) > 0 && desired >= 0 && desired != replicas) {
                return true;
            }
        }
        return false;
    }

    /** Proportional scaling of the active ReplicaSets (client-go's {@code scale}). */
    private void scale() {
        long replicas = RolloutMath.replicas(deployment);
        Map<String, Object> activeOrLatest = activeOrLatest();
        if (activeOrLatest != null) {
            if (RolloutMath.replicas(activeOrLatest) != replicas) {
                scaleTo(activeOrLatest, replicas);
            }
            return;
        }
        if (saturated(newRs)) {
            for (Map<String, Object> old : active(oldRss)) {
                scaleTo(old, 0);
            }
            return;
        }
        if (!RolloutMath.rolling(deployment)) {
            return;
        }
        List<Map<String, Object>> active = active(all());
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
            scaleReplicaSet(active.get(i), size);
        }
    }

    private Map<String, Object> activeOrLatest() {
        if (newRs == null && oldRss.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> olds = new ArrayList<>(oldRss);
        olds.sort(DeploymentRevisions.OLDEST_FIRST.reversed());
        List<Map<String, Object>> candidates = new ArrayList<>(olds);
        if (newRs != null) {
            candidates.add(newRs);
        }
        List<Map<String, Object>> active = active(candidates);
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

    // ---- rollouts ------------------------------------------------------------------------------------------------

    private void rolling() {
        newAndOld(true);
        if (newRs != null) {
            if (reconcileNew() || reconcileOld()) {
                rolloutStatus();
                return;
            }
        }
        if (DeploymentStatuses.complete(deployment, status())) {
            cleanup();
        }
        rolloutStatus();
    }

    /** Scales the new ReplicaSet toward the replicas as far as {@code maxSurge} lets it; whether it scaled. */
    private boolean reconcileNew() {
        long replicas = RolloutMath.replicas(deployment);
        long current = RolloutMath.replicas(newRs);
        if (current == replicas) {
            return false;
        }
        long target = current > replicas ? replicas : RolloutMath.newReplicaSetReplicas(deployment, all(), newRs);
        return scaleTo(newRs, target);
    }

    /** Scales old ReplicaSets down as far as {@code maxUnavailable} lets it, unhealthy ones first; whether any scaled. */
    private boolean reconcileOld() {
        if (RolloutMath.specReplicas(oldRss) == 0) {
            return false;
        }
        long minAvailable = RolloutMath.replicas(deployment) - RolloutMath.maxUnavailable(deployment);
        long newUnavailable = RolloutMath.replicas(newRs) - Tree.number(newRs, 0, "status", "availableReplicas");
        long maxScaledDown = RolloutMath.specReplicas(all()) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        List<Map<String, Object>> olds = new ArrayList<>(oldRss);
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
            scaleTo(rs, size - down);
            cleaned += down;
        }
        long available = RolloutMath.statusSum(all(), "availableReplicas");
        long scaled = 0;
        if (available > minAvailable) {
            long total = available - minAvailable;
            olds = new ArrayList<>(oldRss);
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
                scaleTo(rs, size - down);
                scaled += down;
            }
        }
        return cleaned + scaled > 0;
    }

    private void recreate() {
        newAndOld(false);
        boolean scaledDown = false;
        for (Map<String, Object> old : active(oldRss)) {
            scaledDown |= scaleTo(old, 0);
        }
        if (scaledDown || oldPodsRunning()) {
            rolloutStatus();
            return;
        }
        if (newRs == null) {
            newAndOld(true);
        }
        if (newRs != null) {
            scaleTo(newRs, RolloutMath.replicas(deployment));
        }
        if (DeploymentStatuses.complete(deployment, status())) {
            cleanup();
        }
        rolloutStatus();
    }

    /** Whether old ReplicaSets still have pods that have not finished (Recreate waits for them to go). */
    private boolean oldPodsRunning() {
        if (RolloutMath.statusSum(oldRss, "replicas") > 0) {
            return true;
        }
        List<Object> oldUids = oldRss.stream().map(rs -> (Object) Tree.uid(rs)).toList();
        return cluster.list(Kinds.PODS, key.namespace(), pod -> {
                            Map<String, Object> ref = Owners.controllerOf(pod);
                            return ref != null && oldUids.contains(ref.get("uid")) && !Pods.terminal(pod);
                        })
                        .size()
                > 0;
    }

    /** Deletes the oldest old ReplicaSets beyond {@code revisionHistoryLimit} that have scaled to nothing. */
    private void cleanup() {
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
                    new ObjectKey(Kinds.REPLICA_SETS, key.namespace(), Tree.name(rs)),
                    Tree.uid(rs),
                    null,
                    null,
                    Manager.CONTROLLER_MANAGER);
        }
    }

    private void rolloutStatus() {
        Map<String, Object> status = DeploymentStatuses.calculate(deployment, all(), newRs, now);
        Instant deadline = DeploymentStatuses.progress(deployment, status, newRs, replicaFailure(), cluster.now(), now);
        deployment.put("status", status);
        write();
        if (deadline != null) {
            cluster.later(controller, key, deadline);
        }
    }

    /** The {@code ReplicaFailure} condition of the new ReplicaSet, else of an old one, or {@code null}. */
    private Map<String, Object> replicaFailure() {
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

    // ---- writes --------------------------------------------------------------------------------------------------

    /** Scales a ReplicaSet unless it has that size already; whether it scaled. */
    private boolean scaleTo(Map<String, Object> rs, long size) {
        if (RolloutMath.replicas(rs) == size) {
            return false;
        }
        return scaleReplicaSet(rs, size);
    }

    /** Sets a ReplicaSet's size and the replica counts it is sized for; whether its size changed. */
    private boolean scaleReplicaSet(Map<String, Object> rs, long size) {
        long replicas = RolloutMath.replicas(deployment);
        long max = replicas + RolloutMath.maxSurge(deployment);
        boolean resize = RolloutMath.replicas(rs) != size;
        Map<String, Object> probe = Tree.copy(rs);
        if (!resize && !DeploymentRevisions.setReplicasAnnotations(probe, replicas, max)) {
            return false;
        }
        updateRs(rs, edited -> {
            Tree.child(edited, "spec").put("replicas", size);
            DeploymentRevisions.setReplicasAnnotations(edited, replicas, max);
        });
        return resize;
    }

    /** Writes a change of a ReplicaSet and puts what was stored in its place in the lists. */
    private Map<String, Object> updateRs(
            Map<String, Object> rs, java.util.function.Consumer<Map<String, Object>> edit) {
        Map<String, Object> stored = cluster.update(
                new ObjectKey(Kinds.REPLICA_SETS, key.namespace(), Tree.name(rs)), edit, Manager.CONTROLLER_MANAGER);
        if (stored == null) {
            return rs;
        }
        replace(replicaSets, rs, stored);
        replace(oldRss, rs, stored);
        if (newRs == rs) {
            newRs = stored;
        }
        return stored;
    }

    private static void replace(List<Map<String, Object>> list, Map<String, Object> old, Map<String, Object> now) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == old) {
                list.set(i, now);
            }
        }
    }

    /**
     * Writes the Deployment's revision annotation and status as this reconcile left them, if they changed, through
     * the status subresource (which, for a Deployment, takes metadata too but never the spec, as in the API server).
     */
    private void write() {
        Object status = deployment.get("status");
        String written = revision;
        cluster.updateStatus(
                key,
                edited -> {
                    if (written != null) {
                        Tree.child(Tree.child(edited, "metadata"), "annotations")
                                .put(DeploymentRevisions.REVISION, written);
                    }
                    edited.put("status", Tree.copyValue(status));
                },
                Manager.CONTROLLER_MANAGER);
    }

    private Map<String, Object> status() {
        return Tree.child(deployment, "status");
    }

    private List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>(oldRss);
        if (newRs != null) {
            all.add(newRs);
        }
        return all;
    }

    private static List<Map<String, Object>> active(List<Map<String, Object>> replicaSets) {
        List<Map<String, Object>> active = new ArrayList<>();
        for (Map<String, Object> rs : replicaSets) {
            if (rs != null && RolloutMath.replicas(rs) > 0) {
                active.add(rs);
            }
        }
        return active;
    }

    @Override
    public String toString() {
        return "sync of " + key + (Objects.isNull(newRs) ? "" : " (new " + Tree.name(newRs) + ")");
    }
}
