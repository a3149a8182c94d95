package kmock.internal.k8s.controllers.workloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
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
 * The StatefulSet controller: pods {@code <name>-<ordinal>} with stable hostnames and their claims from
 * {@code volumeClaimTemplates}; with {@code OrderedReady} (the default) each pod is made only once the ones before it
 * run and are ready, and removed highest ordinal first, one at a time; with {@code Parallel} all at once. A changed
 * template rolls out from the highest ordinal down to the {@code partition} ({@code RollingUpdate}), or waits for
 * pods to be deleted ({@code OnDelete}); ControllerRevisions keep the history, and the status reports the current and
 * update revisions.
 */
public final class StatefulSetController extends Controller {

    static final String REVISION_LABEL = "controller-revision-hash";
    private final ControllerRevisions history;

    /** The StatefulSet controller of a cluster. */
    public StatefulSetController(ClusterClient cluster) {
        super("statefulset", Kinds.STATEFUL_SETS, cluster);
        this.history = new ControllerRevisions(cluster, "StatefulSet", "controller.kubernetes.io/hash");
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        if (event.key().resource().equals(Kinds.STATEFUL_SETS)) {
            if (event.type() != StoreEvent.Type.DELETED) {
                keys.add(event.key());
            }
        } else if (event.key().resource().equals(Kinds.PODS)) {
            Workloads.addControllers(event, "apps/v1", keys, "StatefulSet");
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> set = cluster.get(key);
        if (set == null || LabelSelectors.isEmpty(Tree.at(set, "spec", "selector"))) {
            return;
        }
        List<Map<String, Object>> pods = Owners.claim(
                cluster,
                Kinds.PODS,
                set,
                cluster.list(Kinds.PODS, key.namespace(), Owners.claimable(set)),
                LabelSelectors.of(Tree.at(set, "spec", "selector")),
                Owners.controllerRef(set, "apps/v1", "StatefulSet"));
        List<Map<String, Object>> revisions = history.of(set);
        Map<String, Object> update = history.current(set, revisions);
        if (update == null) {
            return;
        }
        String updateRevision = Tree.name(update);
        String stored = Tree.string(set, "status", "currentRevision");
        revisions = history.of(set);
        String currentRevision =
                stored != null && revisions.stream().anyMatch(r -> Tree.name(r).equals(stored))
                        ? stored
                        : updateRevision;
        if (!Tree.deleting(set)) {
            manage(key, set, pods, updateRevision);
        }
        status(key, set, currentRevision, updateRevision);
        Set<String> live = new HashSet<>(List.of(updateRevision, currentRevision));
        cluster.list(Kinds.PODS, key.namespace(), pod -> Owners.controlledBy(pod, set))
                .forEach(pod -> live.add(Tree.labels(pod).getOrDefault(REVISION_LABEL, "")));
        history.truncate(set, revisions, live);
    }

    /** Creates, replaces, updates and removes pods, one step at a time unless the policy is {@code Parallel}. */
    private void manage(ObjectKey key, Map<String, Object> set, List<Map<String, Object>> pods, String updateRevision) {
        long replicas = Tree.number(set, 1, "spec", "replicas");
        long start = Tree.number(set, 0, "spec", "ordinals", "start");
        boolean parallel = "Parallel".equals(Tree.string(set, "spec", "podManagementPolicy"));
        long minReady = Tree.number(set, 0, "spec", "minReadySeconds");
        Instant now = cluster.now();
        TreeMap<Long, Map<String, Object>> byOrdinal = new TreeMap<>();
        List<Map<String, Object>> condemned = new ArrayList<>();
        for (Map<String, Object> pod : pods) {
            long ordinal = ordinal(set, pod);
            if (ordinal >= start && ordinal < start + replicas) {
                byOrdinal.put(ordinal, pod);
            } else {
                condemned.add(pod);
            }
        }
        boolean healthy = true;
        for (long ordinal = start; ordinal < start + replicas; ordinal++) {
            Map<String, Object> pod = byOrdinal.get(ordinal);
            if (pod == null) {
                if (!create(key, set, ordinal, updateRevision) || !parallel) {
                    return;
                }
                healthy = false;
                continue;
            }
            if (Pods.terminal(pod) && !Tree.deleting(pod)) {
                delete(key, pod);
                if (!parallel) {
                    return;
                }
                healthy = false;
                continue;
            }
            if (!Tree.deleting(pod) && Pods.available(pod, minReady, now)) {
                continue;
            }
            healthy = false;
            if (!parallel) {
                if (Pods.ready(pod) && !Pods.available(pod, minReady, now)) {
                    cluster.later(this, key, Pods.availableAt(pod, minReady));
                }
                return;
            }
        }
        condemned.sort((a, b) -> Long.compare(ordinal(set, b), ordinal(set, a)));
        for (Map<String, Object> pod : condemned) {
            if (Tree.deleting(pod)) {
                if (!parallel) {
                    return;
                }
                continue;
            }
            if (!parallel && !healthy) {
                return;
            }
            delete(key, pod);
            if (!parallel) {
                return;
            }
        }
        if (!healthy || "OnDelete".equals(Tree.string(set, "spec", "updateStrategy", "type"))) {
            return;
        }
        long partition = Tree.number(set, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        for (long ordinal = start + replicas - 1; ordinal >= start + partition; ordinal--) {
            Map<String, Object> pod = byOrdinal.get(ordinal);
            if (pod != null && !updateRevision.equals(Tree.labels(pod).get(REVISION_LABEL))) {
                delete(key, pod);
                return;
            }
        }
    }

    /** Makes the claims of an ordinal, then its pod; {@code false} when the pod could not be made. */
    private boolean create(ObjectKey key, Map<String, Object> set, long ordinal, String revision) {
        String name = Tree.name(set) + "-" + ordinal;
        Map<String, Object> pod = Templates.pod(
                Tree.map(Tree.at(set, "spec", "template")),
                Owners.controllerRef(set, "apps/v1", "StatefulSet"),
                null,
                name);
        Map<String, Object> labels = Tree.child(Tree.child(pod, "metadata"), "labels");
        labels.put("statefulset.kubernetes.io/pod-name", name);
        labels.put("apps.kubernetes.io/pod-index", Long.toString(ordinal));
        labels.put(REVISION_LABEL, revision);
        Map<String, Object> spec = Tree.child(pod, "spec");
        spec.put("hostname", name);
        if (Tree.string(set, "spec", "serviceName") != null
                && !Tree.string(set, "spec", "serviceName").isEmpty()) {
            spec.put("subdomain", Tree.string(set, "spec", "serviceName"));
        }
        for (Object item : Tree.list(Tree.at(set, "spec", "volumeClaimTemplates"))) {
            Map<String, Object> template = Tree.map(item);
            String claimTemplate = Tree.name(template);
            String claim = claimTemplate + "-" + name;
            if (cluster.get(Kinds.CLAIMS, key.namespace(), claim) == null) {
                Map<String, Object> meta = Tree.copy(Tree.meta(template));
                meta.put("name", claim);
                meta.put("namespace", key.namespace());
                Map<String, Object> claimLabels = Tree.child(meta, "labels");
                Tree.map(Tree.at(set, "spec", "selector", "matchLabels")).forEach(claimLabels::putIfAbsent);
                try {
                    cluster.create(
                            Kinds.CLAIMS,
                            key.namespace(),
                            Tree.object(
                                    "apiVersion",
                                    "v1",
                                    "kind",
                                    "PersistentVolumeClaim",
                                    "metadata",
                                    meta,
                                    "spec",
                                    Tree.copyValue(template.get("spec"))),
                            Manager.CONTROLLER_MANAGER);
                } catch (KubernetesException e) {
                    return false;
                }
            }
            List<Object> volumes = Tree.childList(spec, "volumes");
            volumes.removeIf(volume -> claimTemplate.equals(Tree.map(volume).get("name")));
            volumes.add(Tree.object("name", claimTemplate, "persistentVolumeClaim", Tree.object("claimName", claim)));
        }
        try {
            return cluster.create(Kinds.PODS, key.namespace(), pod, Manager.CONTROLLER_MANAGER) != null;
        } catch (KubernetesException e) {
            return false;
        }
    }

    private void delete(ObjectKey key, Map<String, Object> pod) {
        cluster.delete(
                new ObjectKey(Kinds.PODS, key.namespace(), Tree.name(pod)),
                Tree.uid(pod),
                null,
                null,
                Manager.CONTROLLER_MANAGER);
    }

    private void status(ObjectKey key, Map<String, Object> set, String currentRevision, String updateRevision) {
        List<Map<String, Object>> pods =
                cluster.list(Kinds.PODS, key.namespace(), pod -> Owners.controlledBy(pod, set));
        long minReady = Tree.number(set, 0, "spec", "minReadySeconds");
        Instant now = cluster.now();
        long replicas = pods.size();
        long ready = pods.stream()
                .filter(pod -> "Running".equals(Pods.phase(pod)) && Pods.ready(pod))
                .count();
        long available =
                pods.stream().filter(pod -> Pods.available(pod, minReady, now)).count();
        long current = pods.stream()
                .filter(pod -> currentRevision.equals(Tree.labels(pod).get(REVISION_LABEL)))
                .count();
        long updated = pods.stream()
                .filter(pod -> updateRevision.equals(Tree.labels(pod).get(REVISION_LABEL)))
                .count();
        String currentShown = currentRevision;
        long currentCount = current;
        boolean rolling = !"OnDelete".equals(Tree.string(set, "spec", "updateStrategy", "type"));
        if (rolling
                && updated == replicas
                && ready == replicas
                && replicas == Tree.number(set, 1, "spec", "replicas")) {
            currentShown = updateRevision;
            currentCount = updated;
        }
        String currentWritten = currentShown;
        long currentReplicas = currentCount;
        cluster.updateStatus(
                key,
                edited -> {
                    Map<String, Object> status = Tree.child(edited, "status");
                    status.put("observedGeneration", Tree.number(edited, 0, "metadata", "generation"));
                    status.put("replicas", replicas);
                    status.put("readyReplicas", ready);
                    status.put("currentReplicas", currentReplicas);
                    status.put("updatedReplicas", updated);
                    status.put("currentRevision", currentWritten);
                    status.put("updateRevision", updateRevision);
                    status.putIfAbsent("collisionCount", 0L);
                    status.put("availableReplicas", available);
                },
                Manager.CONTROLLER_MANAGER);
    }

    private static long ordinal(Map<String, Object> set, Map<String, Object> pod) {
        String name = Tree.name(pod);
        String prefix = Tree.name(set) + "-";
        try {
            return name.startsWith(prefix) ? Long.parseLong(name.substring(prefix.length())) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
