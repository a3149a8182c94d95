package kmock.internal.k8s.controllers.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.controllers.Tree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.StoreEvent;

/**
 * The garbage collector's graph, kept from the store's changes: every live object by uid, and for each owner uid the
 * objects that name it in their owner references. Thread-safe: changes arrive under the store's lock, reads come
 * from the controller's reconciles.
 */
final class OwnerGraph {

    private final Map<String, ObjectKey> byUid = new ConcurrentHashMap<>();
    private final Map<String, Set<ObjectKey>> dependents = new ConcurrentHashMap<>();
    private final Map<ObjectKey, List<String>> owners = new ConcurrentHashMap<>();

    /** Records a change; answers the owner uids the object named before, for those whose references changed. */
    List<String> observe(StoreEvent event) {
        ObjectKey key = event.key();
        List<String> before = owners.getOrDefault(key, List.of());
        if (event.type() == StoreEvent.Type.DELETED) {
            String uid = Tree.uid(event.object());
            if (uid != null) {
                byUid.remove(uid, key);
            }
            owners.remove(key);
            before.forEach(owner -> dependentsOf(owner).remove(key));
            return before;
        }
        String uid = Tree.uid(event.object());
        if (uid != null) {
            byUid.put(uid, key);
        }
        List<String> now = Owners.refs(event.object()).stream()
                .map(ref -> String.valueOf(ref.get("uid")))
                .toList();
        if (!now.equals(before)) {
            before.forEach(owner -> dependentsOf(owner).remove(key));
            now.forEach(owner -> dependentsOf(owner).add(key));
            if (now.isEmpty()) {
                owners.remove(key);
            } else {
                owners.put(key, now);
            }
        }
        return before;
    }

    /** The objects that name an owner uid in their owner references. */
    Set<ObjectKey> dependents(String ownerUid) {
        return Set.copyOf(dependentsOf(ownerUid));
    }

    /** Whether an object has dependents. */
    boolean hasDependents(String ownerUid) {
        Set<ObjectKey> found = dependents.get(ownerUid);
        return found != null && !found.isEmpty();
    }

    /** The live object with a uid, or {@code null}. */
    ObjectKey key(String uid) {
        return byUid.get(uid);
    }

    private Set<ObjectKey> dependentsOf(String ownerUid) {
        return dependents.computeIfAbsent(ownerUid, k -> ConcurrentHashMap.newKeySet());
    }
}
