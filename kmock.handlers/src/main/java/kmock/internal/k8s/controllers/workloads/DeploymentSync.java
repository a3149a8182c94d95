package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.ArrayList;
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
import kmock.internal.k8s.controllers.Templates;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;

/**
 * One reconcile of one Deployment, in the steps of kube-controller-manager's {@code syncDeployment}: claim the
 * ReplicaSets, find (or make) the new one and sync revisions, then scale (paused, or a scaling event), roll out, or
 * only report; the Deployment's annotations and status changes of the whole reconcile are written once, at the end,
 * through the status subresource. The ReplicaSets it works on are a {@link DeploymentReplicaSets}; how many replicas
 * each gets, a {@link DeploymentScaling}.
 */
final class DeploymentSync {

    private final ClusterClient cluster;
    private final Controller controller;
    private final ObjectKey key;
    private final Map<String, Object> deployment;
    private final String now;
    /** The claimed ReplicaSets and their scaling: {@code null} until they are claimed. */
    private DeploymentReplicaSets sets;

    private DeploymentScaling scaling;
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
        sets = new DeploymentReplicaSets(
                cluster,
                deployment,
                key.namespace(),
                Owners.claim(
                        cluster,
                        Kinds.REPLICA_SETS,
                        deployment,
                        cluster.list(Kinds.REPLICA_SETS, key.namespace(), Owners.claimable(deployment)),
                        LabelSelectors.of(selector),
                        Owners.controllerRef(deployment, "apps/v1", "Deployment")));
        scaling = new DeploymentScaling(deployment, sets);
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
        sets.splitAt(DeploymentRevisions.findNew(deployment, sets.claimed()));
        Map<String, Object> newRs = sets.newRs();
        long newRevision = DeploymentRevisions.max(sets.oldRss()) + 1;
        if (newRs != null) {
            Map<String, Object> copy = Tree.copy(newRs);
            boolean annotations = DeploymentRevisions.setNewReplicaSetAnnotations(deployment, copy, newRevision, true);
            long minReady = Tree.number(deployment, 0, "spec", "minReadySeconds");
            if (annotations || Tree.number(copy, 0, "spec", "minReadySeconds") != minReady) {
                sets.update(newRs, edited -> {
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
        List<Map<String, Object>> all = new ArrayList<>(sets.oldRss());
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
                return;
            }
        }
        sets.adoptNew(created);
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
            scaling.scale();
            if (paused) {
                sets.cleanup();
            }
        }
        Map<String, Object> status = DeploymentStatuses.calculate(deployment, sets.all(), sets.newRs(), now);
        deployment.put("status", status);
        write();
    }

    /** Whether a ReplicaSet was sized for another number of replicas than the Deployment's (client-go's {@code isScalingEvent}). */
    private boolean scalingEvent() {
        newAndOld(false);
        return scaling.scalingEvent();
    }

    // ---- rollouts ------------------------------------------------------------------------------------------------

    private void rolling() {
        newAndOld(true);
        if (sets.newRs() != null) {
            if (scaling.reconcileNew() || scaling.reconcileOld()) {
                rolloutStatus();
                return;
            }
        }
        if (DeploymentStatuses.complete(deployment, status())) {
            sets.cleanup();
        }
        rolloutStatus();
    }

    private void recreate() {
        newAndOld(false);
        boolean scaledDown = false;
        for (Map<String, Object> old : DeploymentReplicaSets.active(sets.oldRss())) {
            scaledDown |= sets.scaleTo(old, 0);
        }
        if (scaledDown || sets.oldPodsRunning()) {
            rolloutStatus();
            return;
        }
        if (sets.newRs() == null) {
            newAndOld(true);
        }
        if (sets.newRs() != null) {
            sets.scaleTo(sets.newRs(), RolloutMath.replicas(deployment));
        }
        if (DeploymentStatuses.complete(deployment, status())) {
            sets.cleanup();
        }
        rolloutStatus();
    }

    private void rolloutStatus() {
        Map<String, Object> newRs = sets.newRs();
        Map<String, Object> status = DeploymentStatuses.calculate(deployment, sets.all(), newRs, now);
        Instant deadline =
                DeploymentStatuses.progress(deployment, status, newRs, sets.replicaFailure(), cluster.now(), now);
        deployment.put("status", status);
        write();
        if (deadline != null) {
            cluster.later(controller, key, deadline);
        }
    }

    // ---- the Deployment's write ------------------------------------------------------------------------------------

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

    @Override
    public String toString() {
        Map<String, Object> newRs = sets == null ? null : sets.newRs();
        return "sync of " + key + (Objects.isNull(newRs) ? "" : " (new " + Tree.name(newRs) + ")");
    }
}
