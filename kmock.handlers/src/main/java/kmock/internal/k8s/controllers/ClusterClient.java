package kmock.internal.k8s.controllers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import kmock.api.Resource;
import kmock.handlers.Controllers;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.emulator.ObjectDeletes;
import kmock.internal.k8s.emulator.ObjectWrites;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.strategy.DeleteRequest;
import kmock.internal.k8s.strategy.WriteRequest;

/**
 * What the controllers see of the cluster: reads straight from the store (always current, unlike a real controller's
 * informer cache), and writes through the API server's write and delete paths under their field managers, so that
 * defaults, strategies, validation, managed fields and watch events are exactly those of a client's write. A write
 * that would change nothing is not made. Refusals a real controller retries or ignores (the object is gone, the name
 * is taken) come back as {@code null} or {@code false}.
 */
public final class ClusterClient {

    /** The field managers (and user agents) of a cluster's components. */
    public enum Manager {
        /** kube-controller-manager's controllers. */
        CONTROLLER_MANAGER("kube-controller-manager"),
        /** The scheduler. */
        SCHEDULER("kube-scheduler"),
        /** A node's kubelet. */
        KUBELET("kubelet"),
        /** The API server itself (its bootstrap namespaces). */
        API_SERVER("kube-apiserver");

        private final String name;

        Manager(String name) {
            this.name = name;
        }

        /** The field manager's name. */
        public String fieldManager() {
            return name;
        }

        WriteRequest request(String subresource) {
            return new WriteRequest(
                    subresource,
                    false,
                    WriteRequest.FieldValidation.IGNORE,
                    name,
                    false,
                    name + "/v1.32.4 (linux/amd64) kubernetes/kmock");
        }
    }

    private final ObjectStore store;
    private final ObjectWrites writes;
    private final ObjectDeletes deletes;
    private final Supplier<Map<Resource, ResourceInfo>> known;
    private final VirtualClock clock;
    private final WorkQueue queue;
    private final Controllers settings;

    ClusterClient(
            ObjectStore store,
            ObjectWrites writes,
            ObjectDeletes deletes,
            Supplier<Map<Resource, ResourceInfo>> known,
            VirtualClock clock,
            WorkQueue queue,
            Controllers settings) {
        this.store = store;
        this.writes = writes;
        this.deletes = deletes;
        this.known = known;
        this.clock = clock;
        this.queue = queue;
        this.settings = settings;
    }

    /** The user's options. */
    public Controllers settings() {
        return settings;
    }

    /** The emulator's current time. */
    public Instant now() {
        return clock.instant();
    }

    /** The emulator's current time as a Kubernetes timestamp. */
    public String timestamp() {
        return Tree.timestamp(now());
    }

    /** The live object at a key, or {@code null}. */
    public Map<String, Object> get(ObjectKey key) {
        return store.find(key);
    }

    /** The live object, or {@code null}. */
    public Map<String, Object> get(Resource resource, String namespace, String name) {
        return store.find(new ObjectKey(resource, namespace, name));
    }

    /** The live objects of a resource in a namespace ({@code null}: everywhere), in name order. */
    public List<Map<String, Object>> list(Resource resource, String namespace) {
        return list(resource, namespace, object -> true);
    }

    /** The live objects of a resource in a namespace that a filter accepts, in name order. */
    public List<Map<String, Object>> list(
            Resource resource, String namespace, Predicate<? super Map<String, Object>> filter) {
        return new ArrayList<>(store.list(resource, namespace, filter, 0, null).items());
    }

    /**
     * Creates an object (a {@code generateName} is honoured), or returns {@code null} when the name is taken or the
     * namespace is terminating (where the API server's admission refuses new content).
     *
     * @throws KubernetesException when the API server refuses the object itself (422, 400)
     */
    public Map<String, Object> create(Resource resource, String namespace, Map<String, Object> body, Manager manager) {
        if (namespace != null && !namespaceOpen(namespace)) {
            return null;
        }
        try {
            return writes.create(resource, namespace, body, manager.request(null))
                    .object();
        } catch (KubernetesException e) {
            if (e.reason() == Reason.ALREADY_EXISTS) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether new objects may be made in a namespace: not while it terminates. (A namespace that was never created
     * is open: the emulator, unlike the API server, lets clients write into it.)
     */
    public boolean namespaceOpen(String namespace) {
        Map<String, Object> found = store.find(new ObjectKey(Kinds.NAMESPACES, null, namespace));
        return found == null || !Tree.deleting(found);
    }

    /** Edits an object (its main resource); returns it as stored, unchanged when the edit changed nothing, or {@code null} when gone. */
    public Map<String, Object> update(ObjectKey key, Consumer<Map<String, Object>> edit, Manager manager) {
        return change(key, edit, manager.request(null), false);
    }

    /** Edits an object's {@code status} subresource (see {@link #update}). */
    public Map<String, Object> updateStatus(ObjectKey key, Consumer<Map<String, Object>> edit, Manager manager) {
        return change(key, edit, manager.request("status"), false);
    }

    /**
     * Edits an object through one of the API server's own subresources ({@code binding}, {@code finalize}), which skip
     * the kind's update strategy; refusals other than "gone" are thrown.
     */
    public Map<String, Object> updateSubresource(
            ObjectKey key, String subresource, Consumer<Map<String, Object>> edit, Manager manager) {
        return change(key, edit, manager.request(subresource), true);
    }

    private Map<String, Object> change(
            ObjectKey key, Consumer<Map<String, Object>> edit, WriteRequest request, boolean raw) {
        Map<String, Object> current = store.find(key);
        if (current == null) {
            return null;
        }
        Map<String, Object> edited = Tree.copy(current);
        edit.accept(edited);
        if (Tree.same(current, edited)) {
            return current;
        }
        try {
            ObjectWrites.Written written = raw
                    ? writes.subresource(key, latest -> edited(latest, edit), request)
                    : writes.change(key, latest -> edited(latest, edit), request);
            return written.object();
        } catch (KubernetesException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static Map<String, Object> edited(Map<String, Object> latest, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = Tree.copy(latest);
        edit.accept(copy);
        return copy;
    }

    /**
     * Deletes an object as a client's DELETE does; {@code false} when it was gone already or its uid changed.
     *
     * @param uid         the uid it must still have, or {@code null}
     * @param propagation {@code Background}, {@code Foreground}, {@code Orphan}, or {@code null} for the kind's default
     * @param grace       the grace period in seconds, or {@code null} for the object's own
     */
    public boolean delete(ObjectKey key, String uid, String propagation, Long grace, Manager manager) {
        try {
            deletes.delete(key, new DeleteRequest(false, propagation, null, grace, uid, null));
            return true;
        } catch (KubernetesException e) {
            if (e.reason() == Reason.NOT_FOUND || e.reason() == Reason.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Has a controller reconcile a key again once the emulator's clock reaches an instant. */
    public void later(Controller controller, ObjectKey key, Instant due) {
        queue.addAt(due, new Work(controller, key));
    }

    /** The description of a served resource, or {@code null}. */
    public ResourceInfo info(Resource resource) {
        return known.get().get(resource);
    }

    /** Every served resource, with its description. */
    public Map<Resource, ResourceInfo> resources() {
        return known.get();
    }

    /** The resource of an owner reference's {@code apiVersion} and {@code kind}, or {@code null} when none is served. */
    public Resource resourceOf(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return null;
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        Resource found = null;
        for (Map.Entry<Resource, ResourceInfo> entry : known.get().entrySet()) {
            Resource resource = entry.getKey();
            if (resource.group().equals(group) && kind.equals(entry.getValue().kind()) && resource.isComplete()) {
                if (resource.version().equals(version)) {
                    return resource;
                }
                found = found == null ? resource : found;
            }
        }
        return found;
    }
}
