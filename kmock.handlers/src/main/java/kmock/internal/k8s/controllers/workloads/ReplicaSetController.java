package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The ReplicaSet controller: keeps {@code spec.replicas} active pods from the template (adopting matching orphans,
 * releasing pods that no longer match, deleting the ones ranked first by {@link PodRanking}), and reports
 * {@code replicas}, {@code fullyLabeledReplicas}, {@code readyReplicas}, {@code availableReplicas} (ready for
 * {@code minReadySeconds}) and {@code observedGeneration}, with a {@code ReplicaFailure} condition when pods cannot
 * be made.
 */
public final class ReplicaSetController extends Controller {

    private final SelectorIndex selectors = new SelectorIndex();

    /** The ReplicaSet controller of a cluster. */
    public ReplicaSetController(ClusterClient cluster) {
        super("replicaset", Kinds.REPLICA_SETS, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.REPLICA_SETS)) {
            selectors.observe(event);
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(event.key());
            }
        } else if (event.key().resource().equals(Kinds.PODS)) {
            Workloads.addControllers(event, "apps/v1", keys, "ReplicaSet");
            if (Owners.controllerOf(event.object()) == null && event.type() != StoreEvent.Type.DELETED) {
                selectors
                        .matching(event.key().namespace(), Tree.labels(event.object()))
                        .forEach(name -> keys.add(event.key().namespace(), name));
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> rs = cluster.get(key);
        if (rs == null) {
            return;
        }
        Object selector = Tree.at(rs, "spec", "selector");
        if (LabelSelectors.isEmpty(selector)) {
            return;
        }
        Predicate<Map<String, Object>> selects = LabelSelectors.of(selector);
        Map<String, Object> ref = Owners.controllerRef(rs, "apps/v1", "ReplicaSet");
        List<Map<String, Object>> pods = Owners.claim(
                cluster,
                Kinds.PODS,
                rs,
                cluster.list(Kinds.PODS, key.namespace(), Owners.claimable(rs).and(Pods::active)),
                selects,
                ref);
        String failure = Tree.deleting(rs) ? null : manage(key, rs, pods, ref);
        status(key, rs, pods, failure);
    }

    /** Creates or deletes pods toward {@code spec.replicas}; answers why pods could not be made, or {@code null}. */
    private String manage(
            ObjectKey key, Map<String, Object> rs, List<Map<String, Object>> pods, Map<String, Object> ref) {
        long replicas = Tree.number(rs, 1, "spec", "replicas");
        long diff = pods.size() - replicas;
        if (diff < 0) {
            Map<String, Object> template = Tree.map(Tree.at(rs, "spec", "template"));
            for (long i = diff; i < 0; i++) {
                try {
                    cluster.create(
                            Kinds.PODS,
                            key.namespace(),
                            Templates.pod(template, Tree.copy(ref), Templates.prefix(key.name()), null),
                            Manager.CONTROLLER_MANAGER);
                } catch (KubernetesException e) {
                    return e.getMessage();
                }
            }
        } else if (diff > 0) {
            List<Map<String, Object>> ranked = new ArrayList<>(pods);
            ranked.sort(PodRanking.DELETE_FIRST);
            for (Map<String, Object> pod : ranked.subList(0, (int) diff)) {
                cluster.delete(
                        new ObjectKey(Kinds.PODS, key.namespace(), Tree.name(pod)),
                        Tree.uid(pod),
                        null,
                        null,
                        Manager.CONTROLLER_MANAGER);
            }
        }
        return null;
    }

    private void status(ObjectKey key, Map<String, Object> rs, List<Map<String, Object>> pods, String failure) {
        long minReady = Tree.number(rs, 0, "spec", "minReadySeconds");
        Map<String, Object> templateLabels = Tree.map(Tree.at(rs, "spec", "template", "metadata", "labels"));
        Instant now = cluster.now();
        long labeled = 0;
        long ready = 0;
        long available = 0;
        Instant nextAvailable = null;
        for (Map<String, Object> pod : pods) {
            if (Tree.labels(pod).entrySet().containsAll(templateLabels.entrySet())) {
                labeled++;
            }
            if (Pods.ready(pod)) {
                ready++;
                if (Pods.available(pod, minReady, now)) {
                    available++;
                } else {
                    Instant at = Pods.availableAt(pod, minReady);
                    nextAvailable = nextAvailable == null || at.isBefore(nextAvailable) ? at : nextAvailable;
                }
            }
        }
        long replicas = pods.size();
        long fullyLabeled = labeled;
        long readyCount = ready;
        long availableCount = available;
        cluster.updateStatus(
                key,
                edited -> {
                    Map<String, Object> status = Tree.child(edited, "status");
                    status.put("replicas", replicas);
                    status.put("fullyLabeledReplicas", fullyLabeled);
                    status.put("readyReplicas", readyCount);
                    status.put("availableReplicas", availableCount);
                    status.put("observedGeneration", Tree.number(edited, 0, "metadata", "generation"));
                    if (failure != null) {
                        Conditions.setWorkload(
                                status,
                                Conditions.plain(
                                        "ReplicaFailure", "True", "FailedCreate", failure, cluster.timestamp()),
                                true);
                    } else {
                        Conditions.remove(status, "ReplicaFailure");
                    }
                },
                Manager.CONTROLLER_MANAGER);
        if (nextAvailable != null) {
            cluster.later(this, key, nextAvailable);
        }
    }
}
