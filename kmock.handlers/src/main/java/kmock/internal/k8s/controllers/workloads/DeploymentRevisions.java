package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.controllers.Tree;

/**
 * A Deployment's revisions, written in annotations as the deployment controller writes them: the
 * {@code deployment.kubernetes.io/revision} of each ReplicaSet and of the Deployment, the {@code revision-history} of
 * a ReplicaSet that came back in a rollback, the Deployment's own annotations copied to its new ReplicaSet, and the
 * replica counts a ReplicaSet was sized for. kubectl's {@code rollout history} and {@code rollout undo} read these.
 */
final class DeploymentRevisions {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String HISTORY = "deployment.kubernetes.io/revision-history";
    static final String HASH = "pod-template-hash";
    private static final int MAX_HISTORY_CHARS = 2000;
    private static final Set<String> NOT_COPIED = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            REVISION,
            HISTORY,
            RolloutMath.DESIRED_REPLICAS,
            RolloutMath.MAX_REPLICAS,
            "deprecated.deployment.rollback.to");

    /** ReplicaSets from oldest to newest (creation time, then name), the controller's order for finding the new one. */
    static final Comparator<Map<String, Object>> OLDEST_FIRST = Comparator.comparing(
                    (Map<String, Object> rs) -> Tree.stringOr(Tree.meta(rs), "", "creationTimestamp"))
            .thenComparing(Tree::name);

    private DeploymentRevisions() {}

    /** A ReplicaSet's (or Deployment's) revision; 0 when it has none. */
    static long of(Map<String, Object> object) {
        return RolloutMath.annotation(object, REVISION, 0);
    }

    /** The highest revision among ReplicaSets. */
    static long max(List<Map<String, Object>> replicaSets) {
        return replicaSets.stream().mapToLong(DeploymentRevisions::of).max().orElse(0);
    }

    /** The ReplicaSet whose template is the Deployment's (ignoring the hash label), oldest first; or {@code null}. */
    static Map<String, Object> findNew(Map<String, Object> deployment, List<Map<String, Object>> replicaSets) {
        List<Map<String, Object>> sorted = new ArrayList<>(replicaSets);
        sorted.sort(OLDEST_FIRST);
        Object wanted = withoutHash(Tree.at(deployment, "spec", "template"));
        for (Map<String, Object> rs : sorted) {
            if (Tree.same(wanted, withoutHash(Tree.at(rs, "spec", "template")))) {
                return rs;
            }
        }
        return null;
    }

    /** A template without the {@code pod-template-hash} label, for comparing. */
    static Map<String, Object> withoutHash(Object template) {
        Map<String, Object> copy = Tree.copy(Tree.map(template));
        Map<String, Object> meta = Tree.map(copy.get("metadata"));
        if (meta.get("labels") instanceof Map<?, ?>) {
            Map<String, Object> labels = Tree.child(Tree.child(copy, "metadata"), "labels");
            labels.remove(HASH);
        }
        return copy;
    }

    /**
     * Brings a new ReplicaSet's annotations up to the Deployment (client-go's {@code SetNewReplicaSetAnnotations}):
     * the Deployment's annotations, the new revision when it is higher (keeping the old one in the history), and for a
     * ReplicaSet about to be made its replica counts.
     *
     * @return whether anything changed
     */
    static boolean setNewReplicaSetAnnotations(
            Map<String, Object> deployment, Map<String, Object> rs, long newRevision, boolean exists) {
        Map<String, Object> annotations = Tree.child(Tree.child(rs, "metadata"), "annotations");
        boolean changed = false;
        for (Map.Entry<String, String> entry : Tree.annotations(deployment).entrySet()) {
            if (!NOT_COPIED.contains(entry.getKey())
                    && !String.valueOf(entry.getValue()).equals(annotations.get(entry.getKey()))) {
                annotations.put(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        Object old = annotations.get(REVISION);
        long oldRevision;
        try {
            oldRevision = old == null ? 0 : Long.parseLong(String.valueOf(old));
        } catch (NumberFormatException e) {
            return changed;
        }
        if (oldRevision < newRevision) {
            annotations.put(REVISION, Long.toString(newRevision));
            changed = true;
            if (old != null) {
                String history = annotations.get(HISTORY) instanceof String text ? text : "";
                List<String> revisions =
                        new ArrayList<>(history.isEmpty() ? List.of() : Arrays.asList(history.split(",")));
                revisions.add(String.valueOf(old));
                while (String.join(",", revisions).length() > MAX_HISTORY_CHARS && revisions.size() > 1) {
                    revisions.remove(0);
                }
                annotations.put(HISTORY, String.join(",", revisions));
            }
        }
        if (!exists) {
            changed |= setReplicasAnnotations(
                    rs,
                    RolloutMath.replicas(deployment),
                    RolloutMath.replicas(deployment) + RolloutMath.maxSurge(deployment));
        }
        return changed;
    }

    /** Sets the {@code desired-replicas} and {@code max-replicas} a ReplicaSet was sized for; whether they changed. */
    static boolean setReplicasAnnotations(Map<String, Object> rs, long desired, long max) {
        Map<String, Object> annotations = Tree.child(Tree.child(rs, "metadata"), "annotations");
        boolean changed = !Long.toString(desired).equals(annotations.get(RolloutMath.DESIRED_REPLICAS))
                || !Long.toString(max).equals(annotations.get(RolloutMath.MAX_REPLICAS));
        annotations.put(RolloutMath.DESIRED_REPLICAS, Long.toString(desired));
        annotations.put(RolloutMath.MAX_REPLICAS, Long.toString(max));
        return changed;
    }
}
