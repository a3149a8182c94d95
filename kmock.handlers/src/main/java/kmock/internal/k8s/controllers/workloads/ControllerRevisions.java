package kmock.internal.k8s.controllers.workloads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Templates;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;

/**
 * The history of a StatefulSet or DaemonSet as ControllerRevisions: one per pod template, its data the patch that
 * restores that template (what {@code kubectl rollout undo} applies), numbered in order of use, the oldest unused
 * ones deleted past {@code revisionHistoryLimit}.
 */
final class ControllerRevisions {

    private final ClusterClient cluster;
    private final String apiVersion;
    private final String kind;
    private final String hashLabel;

    /**
     * @param hashLabel the label that carries the hash on a revision ({@code controller.kubernetes.io/hash} for
     *                  StatefulSets, {@code controller-revision-hash} for DaemonSets)
     */
    ControllerRevisions(ClusterClient cluster, String kind, String hashLabel) {
        this.cluster = cluster;
        this.apiVersion = "apps/v1";
        this.kind = kind;
        this.hashLabel = hashLabel;
    }

    /** The revisions an owner controls, oldest revision first. */
    List<Map<String, Object>> of(Map<String, Object> owner) {
        List<Map<String, Object>> revisions = new ArrayList<>(
                cluster.list(Kinds.REVISIONS, Tree.namespace(owner), revision -> Owners.controlledBy(revision, owner)));
        revisions.sort(Comparator.comparingLong((Map<String, Object> r) -> Tree.number(r, 0, "revision"))
                .thenComparing(Tree::name));
        return revisions;
    }

    /** The revision of the owner's current template: an existing one with the same data (renumbered if older), or a new one. */
    Map<String, Object> current(Map<String, Object> owner, List<Map<String, Object>> revisions) {
        Map<String, Object> data = data(owner);
        long max = revisions.stream()
                .mapToLong(r -> Tree.number(r, 0, "revision"))
                .max()
                .orElse(0);
        for (Map<String, Object> revision : revisions) {
            if (Tree.same(Tree.at(revision, "data"), data)) {
                if (Tree.number(revision, 0, "revision") == max) {
                    return revision;
                }
                Map<String, Object> renumbered = cluster.update(
                        new ObjectKey(Kinds.REVISIONS, Tree.namespace(owner), Tree.name(revision)),
                        edited -> edited.put("revision", max + 1),
                        Manager.CONTROLLER_MANAGER);
                return renumbered == null ? revision : renumbered;
            }
        }
        Long collisions = Tree.at(owner, "status", "collisionCount") instanceof Number n ? n.longValue() : null;
        String hash = Templates.hash(Tree.at(data, "spec", "template"), collisions);
        Map<String, Object> labels = Tree.copy(Tree.map(Tree.at(owner, "spec", "template", "metadata", "labels")));
        labels.put(hashLabel, hash);
        String name = Tree.name(owner) + "-" + hash;
        Map<String, Object> revision = Tree.object(
                "apiVersion",
                "apps/v1",
                "kind",
                "ControllerRevision",
                "metadata",
                Tree.object(
                        "name",
                        name,
                        "namespace",
                        Tree.namespace(owner),
                        "labels",
                        labels,
                        "ownerReferences",
                        new ArrayList<>(List.of(Owners.controllerRef(owner, apiVersion, kind)))),
                "data",
                data,
                "revision",
                max + 1);
        Map<String, Object> made =
                cluster.create(Kinds.REVISIONS, Tree.namespace(owner), revision, Manager.CONTROLLER_MANAGER);
        return made != null ? made : cluster.get(Kinds.REVISIONS, Tree.namespace(owner), name);
    }

    /** The hash part of a revision's name (what DaemonSet pods carry). */
    String hash(Map<String, Object> revision) {
        return Tree.labels(revision).getOrDefault(hashLabel, "");
    }

    /** Deletes the oldest revisions past the limit that no pod and neither status revision uses. */
    void truncate(Map<String, Object> owner, List<Map<String, Object>> revisions, Set<String> live) {
        long limit = Tree.number(owner, 10, "spec", "revisionHistoryLimit");
        List<Map<String, Object>> unused =
                revisions.stream().filter(r -> !live.contains(Tree.name(r))).toList();
        for (int i = 0; i < unused.size() - limit; i++) {
            Map<String, Object> revision = unused.get(i);
            cluster.delete(
                    new ObjectKey(Kinds.REVISIONS, Tree.namespace(owner), Tree.name(revision)),
                    Tree.uid(revision),
                    null,
                    null,
                    Manager.CONTROLLER_MANAGER);
        }
    }

    /** The patch that restores an owner's template ({@code $patch: replace}), as the data of its revision. */
    private static Map<String, Object> data(Map<String, Object> owner) {
        Map<String, Object> template = Tree.copy(Tree.map(Tree.at(owner, "spec", "template")));
        template.put("$patch", "replace");
        return Tree.object("spec", Tree.object("template", template));
    }
}
