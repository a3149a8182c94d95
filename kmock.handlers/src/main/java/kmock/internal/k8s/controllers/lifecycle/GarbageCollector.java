package kmock.internal.k8s.controllers.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.controllers.ClusterClient;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.controllers.Controller;
import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;
import kmock.internal.k8s.strategy.DeletionRules;

/**
 * The garbage collector: objects whose owners are all gone are deleted (in the background, or in the foreground when
 * an owner waits for its dependents); an owner deleted in the foreground keeps its {@code foregroundDeletion}
 * finalizer until the dependents that block it are gone; an owner deleted with {@code Orphan} first frees its
 * dependents (their references to it removed), then loses its {@code orphan} finalizer. In the steps of
 * kube-controller-manager's {@code attemptToDeleteItem}, {@code processDeletingDependentsItem} and
 * {@code orphanDependents}.
 */
public final class GarbageCollector extends Controller {

    private final OwnerGraph graph = new OwnerGraph();

    /** The garbage collector of a cluster. */
    public GarbageCollector(ClusterClient cluster) {
        super("garbagecollector", null, cluster);
    }

    @Override
    public void observe(StoreEvent event, Keys keys) {
        List<String> ownersBefore = graph.observe(event);
        Map<String, Object> object = event.object();
        String uid = Tree.uid(object);
        if (event.type() == StoreEvent.Type.DELETED) {
            if (uid != null) {
                graph.dependents(uid).forEach(keys::add);
            }
            for (String owner : ownersBefore) {
                ObjectKey ownerKey = graph.key(owner);
                if (ownerKey != null) {
                    keys.add(ownerKey);
                }
            }
            return;
        }
        boolean refsChanged = event.type() == StoreEvent.Type.ADDED
                || !Owners.refs(object).equals(Owners.refs(event.previous() == null ? Map.of() : event.previous()));
        if (refsChanged && !Owners.refs(object).isEmpty()) {
            keys.add(event.key());
        }
        if (Tree.deleting(object)
                && (hasFinalizer(object, DeletionRules.FOREGROUND) || hasFinalizer(object, DeletionRules.ORPHAN))) {
            keys.add(event.key());
            if (hasFinalizer(object, DeletionRules.FOREGROUND) && uid != null) {
                graph.dependents(uid).forEach(keys::add);
            }
        }
    }

    @Override
    public void reconcile(ObjectKey key) {
        Map<String, Object> item = cluster.get(key);
        if (item == null) {
            return;
        }
        if (Tree.deleting(item)) {
            if (hasFinalizer(item, DeletionRules.ORPHAN)) {
                orphanDependents(key, item);
            } else if (hasFinalizer(item, DeletionRules.FOREGROUND)) {
                deletingDependents(key, item);
            }
            return;
        }
        attemptToDelete(key, item);
    }

    /** Deletes an object whose owners are gone or wait for it; drops references to owners that are gone. */
    private void attemptToDelete(ObjectKey key, Map<String, Object> item) {
        List<Map<String, Object>> refs = Owners.refs(item);
        if (refs.isEmpty()) {
            return;
        }
        List<Object> dangling = new ArrayList<>();
        List<Object> waiting = new ArrayList<>();
        int solid = 0;
        for (Map<String, Object> ref : refs) {
            Map<String, Object> owner = owner(key, ref);
            if (owner == UNKNOWN) {
                solid++;
            } else if (owner == null) {
                dangling.add(ref.get("uid"));
            } else if (Tree.deleting(owner) && hasFinalizer(owner, DeletionRules.FOREGROUND)) {
                waiting.add(ref.get("uid"));
            } else {
                solid++;
            }
        }
        if (solid > 0) {
            if (!dangling.isEmpty() || !waiting.isEmpty()) {
                List<Object> gone = new ArrayList<>(dangling);
                gone.addAll(waiting);
                cluster.update(
                        key,
                        edited -> gone.forEach(uid -> Owners.removeRef(edited, String.valueOf(uid))),
                        Manager.CONTROLLER_MANAGER);
            }
            return;
        }
        String policy;
        if (!waiting.isEmpty() && graph.hasDependents(Tree.uid(item))) {
            policy = "Foreground";
        } else if (hasFinalizer(item, DeletionRules.ORPHAN)) {
            policy = "Orphan";
        } else if (hasFinalizer(item, DeletionRules.FOREGROUND)) {
            policy = "Foreground";
        } else {
            policy = "Background";
        }
        cluster.delete(key, Tree.uid(item), policy, null, Manager.CONTROLLER_MANAGER);
    }

    /** A foreground deletion: its finalizer goes once no dependent blocks it; until then the blocking ones are deleted. */
    private void deletingDependents(ObjectKey key, Map<String, Object> owner) {
        String uid = Tree.uid(owner);
        List<ObjectKey> blocking = new ArrayList<>();
        for (ObjectKey dependent : graph.dependents(uid)) {
            Map<String, Object> object = cluster.get(dependent);
            if (object != null && blocks(object, uid)) {
                blocking.add(dependent);
            }
        }
        if (blocking.isEmpty()) {
            removeFinalizer(key, DeletionRules.FOREGROUND);
            return;
        }
        for (ObjectKey dependent : blocking) {
            Map<String, Object> object = cluster.get(dependent);
            if (object != null && !Tree.deleting(object)) {
                attemptToDelete(dependent, object);
            }
        }
    }

    /** An orphaning deletion: the dependents lose their references to the owner, then the owner its finalizer. */
    private void orphanDependents(ObjectKey key, Map<String, Object> owner) {
        String uid = Tree.uid(owner);
        for (ObjectKey dependent : graph.dependents(uid)) {
            cluster.update(dependent, edited -> Owners.removeRef(edited, uid), Manager.CONTROLLER_MANAGER);
        }
        removeFinalizer(key, DeletionRules.ORPHAN);
    }

    private void removeFinalizer(ObjectKey key, String finalizer) {
        cluster.update(
                key,
                edited -> {
                    Map<String, Object> meta = Tree.child(edited, "metadata");
                    List<Object> finalizers = Tree.childList(meta, "finalizers");
                    finalizers.remove(finalizer);
                    if (finalizers.isEmpty()) {
                        meta.remove("finalizers");
                    }
                },
                Manager.CONTROLLER_MANAGER);
    }

    /** A marker for an owner of a kind nobody serves: kept as if it existed, as the real collector cannot decide. */
    private static final Map<String, Object> UNKNOWN = Map.of("unknown", true);

    /** The live owner a reference names (same uid), {@code null} when it is gone, {@link #UNKNOWN} when unresolvable. */
    private Map<String, Object> owner(ObjectKey dependent, Map<String, Object> ref) {
        Resource resource = cluster.resourceOf((String) ref.get("apiVersion"), (String) ref.get("kind"));
        if (resource == null || !(ref.get("name") instanceof String name) || name.isEmpty()) {
            return UNKNOWN;
        }
        ResourceInfo info = cluster.info(resource);
        boolean namespaced = info == null || info.namespaced();
        if (namespaced && dependent.namespace() == null) {
            return null;
        }
        Map<String, Object> owner = cluster.get(resource, namespaced ? dependent.namespace() : null, name);
        return owner != null && String.valueOf(ref.get("uid")).equals(Tree.uid(owner)) ? owner : null;
    }

    private static boolean blocks(Map<String, Object> dependent, String ownerUid) {
        for (Map<String, Object> ref : Owners.refs(dependent)) {
            if (ownerUid.equals(ref.get("uid")) && Boolean.TRUE.equals(ref.get("blockOwnerDeletion"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFinalizer(Map<String, Object> object, String finalizer) {
        return Tree.finalizers(object).contains(finalizer);
    }
}
