package kmock.internal.k8s.controllers.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Conditions;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Kinds;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The namespace controller: a Namespace being deleted ({@code Terminating}, held by the {@code kubernetes} finalizer
 * of its spec) has its content deleted, resource by resource, reports what remains in its conditions, and once nothing
 * is left is finalized ({@code spec.finalizers} without {@code kubernetes}), which lets the API server delete it.
 */
public final class NamespaceController extends Controller {

    static final String FINALIZER = "kubernetes";
    private static final List<String> CONDITIONS = List.of(
            "NamespaceDeletionDiscoveryFailure",
            "NamespaceDeletionGroupVersionParsingFailure",
            "NamespaceDeletionContentFailure",
            "NamespaceContentRemaining",
            "NamespaceFinalizersRemaining");

    private final Set<String> terminating = ConcurrentHashMap.newKeySet();

    /** The namespace controller of a cluster. */
    public NamespaceController(ClusterClient cluster) {
        super("namespace", Kinds.NAMESPACES, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        ObjectKey key = event.key();
        if (key.resource().equals(Kinds.NAMESPACES)) {
            if (event.type() != StoreEvent.Type.DELETED && Tree.deleting(event.object())) {
                terminating.add(key.name());
                keys.add(key);
            } else {
                terminating.remove(key.name());
            }
        } else if (key.namespace() != null && terminating.contains(key.namespace())) {
            keys.add(null, key.namespace());
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> namespace = cluster.get(key);
        if (namespace == null
                || !Tree.deleting(namespace)
                || !Tree.list(Tree.at(namespace, "spec", "finalizers")).contains(FINALIZER)) {
            return;
        }
        String name = key.name();
        for (Resource resource : namespacedResources()) {
            for (Map<String, Object> object : cluster.list(resource, name)) {
                if (!Tree.deleting(object)) {
                    cluster.delete(
                            new ObjectKey(resource, name, Tree.name(object)),
                            Tree.uid(object),
                            "Background",
                            null,
                            Manager.CONTROLLER_MANAGER);
                }
            }
        }
        Map<String, Integer> remaining = new TreeMap<>();
        Map<String, Integer> finalizers = new TreeMap<>();
        for (Resource resource : namespacedResources()) {
            for (Map<String, Object> object : cluster.list(resource, name)) {
                remaining.merge(groupResource(resource), 1, Integer::sum);
                Tree.finalizers(object).forEach(f -> finalizers.merge(String.valueOf(f), 1, Integer::sum));
            }
        }
        report(key, remaining, finalizers);
        if (remaining.isEmpty()) {
            cluster.updateSubresource(
                    key,
                    "finalize",
                    edited -> {
                        Map<String, Object> spec = Tree.child(edited, "spec");
                        List<Object> left = Tree.childList(spec, "finalizers");
                        left.remove(FINALIZER);
                    },
                    Manager.CONTROLLER_MANAGER);
        }
    }

    /** The namespace's conditions, as the namespace deleter words them. */
    private void report(ObjectKey key, Map<String, Integer> remaining, Map<String, Integer> finalizers) {
        String now = cluster.timestamp();
        List<Map<String, Object>> wanted = new ArrayList<>();
        wanted.add(Conditions.plain(
                CONDITIONS.get(0), "False", "ResourcesDiscovered", "All resources successfully discovered", now));
        wanted.add(Conditions.plain(
                CONDITIONS.get(1), "False", "ParsedGroupVersions", "All legacy kube types successfully parsed", now));
        wanted.add(Conditions.plain(
                CONDITIONS.get(2),
                "False",
                "ContentDeleted",
                "All content successfully deleted, may be waiting on finalization",
                now));
        if (remaining.isEmpty()) {
            wanted.add(Conditions.plain(
                    CONDITIONS.get(3), "False", "ContentRemoved", "All content successfully removed", now));
        } else {
            List<String> parts = new ArrayList<>();
            remaining.forEach((resource, count) -> parts.add(resource + " has " + count + " resource instances"));
            wanted.add(Conditions.plain(
                    CONDITIONS.get(3),
                    "True",
                    "SomeResourcesRemain",
                    "Some resources are remaining: " + String.join(", ", parts),
                    now));
        }
        if (finalizers.isEmpty()) {
            wanted.add(Conditions.plain(
                    CONDITIONS.get(4),
                    "False",
                    "ContentHasNoFinalizers",
                    "All content-preserving finalizers finished",
                    now));
        } else {
            List<String> parts = new ArrayList<>();
            finalizers.forEach((finalizer, count) -> parts.add(finalizer + " in " + count + " resource instances"));
            wanted.add(Conditions.plain(
                    CONDITIONS.get(4),
                    "True",
                    "SomeFinalizersRemain",
                    "Some content in the namespace has finalizers remaining: " + String.join(", ", parts),
                    now));
        }
        cluster.updateStatus(
                key,
                edited -> {
                    Map<String, Object> status = Tree.child(edited, "status");
                    for (Map<String, Object> condition : wanted) {
                        Conditions.setWorkload(status, condition, true);
                    }
                    Tree.childList(status, "conditions")
                            .sort(java.util.Comparator.comparingInt(item -> CONDITIONS.indexOf(
                                    String.valueOf(Tree.map(item).get("type")))));
                },
                Manager.CONTROLLER_MANAGER);
    }

    /** Every namespaced resource served (each version is a store of its own here). */
    private List<Resource> namespacedResources() {
        List<Resource> resources = new ArrayList<>();
        for (Map.Entry<Resource, ResourceInfo> entry : cluster.resources().entrySet()) {
            Resource resource = entry.getKey();
            if (resource.isComplete()
                    && entry.getValue().namespaced()
                    && !resource.plural().contains("/")) {
                resources.add(resource);
            }
        }
        return resources;
    }

    private static String groupResource(Resource resource) {
        return resource.group().isEmpty() ? resource.plural() : resource.plural() + "." + resource.group();
    }
}
