package kmock.internal.k8s.controllers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import kmock.api.Resource;
import kmock.internal.k8s.controllers.ClusterClient.Manager;
import kmock.internal.k8s.store.ObjectKey;

/**
 * Owner references as controllers use them: the controller reference they set on what they make, finding an
 * object's controller, and claiming (client-go's {@code ControllerRefManager}): adopting orphans that the selector
 * matches, releasing owned objects it no longer matches.
 */
public final class Owners {

    private Owners() {}

    /** A controller reference to an owner: {@code controller} and {@code blockOwnerDeletion} set. */
    public static Map<String, Object> controllerRef(Map<String, ?> owner, String apiVersion, String kind) {
        return Tree.object(
                "apiVersion",
                apiVersion,
                "kind",
                kind,
                "name",
                Tree.name(owner),
                "uid",
                Tree.uid(owner),
                "controller",
                true,
                "blockOwnerDeletion",
                true);
    }

    /** An object's owner references. */
    public static List<Map<String, Object>> refs(Map<String, ?> object) {
        List<Map<String, Object>> refs = new ArrayList<>();
        for (Object item : Tree.list(Tree.meta(object).get("ownerReferences"))) {
            refs.add(Tree.map(item));
        }
        return refs;
    }

    /** The owner reference marked as the controller, or {@code null}. */
    public static Map<String, Object> controllerOf(Map<String, ?> object) {
        if (object.get("metadata") instanceof Map<?, ?> meta && meta.get("ownerReferences") instanceof List<?> refs) {
            for (Object item : refs) {
                if (item instanceof Map<?, ?> ref && Boolean.TRUE.equals(ref.get("controller"))) {
                    return Tree.map(ref);
                }
            }
        }
        return null;
    }

    /** The candidates a controller may claim: those it controls, and those no controller controls. */
    public static Predicate<Map<String, Object>> claimable(Map<String, ?> owner) {
        String uid = Tree.uid(owner);
        return object -> {
            Map<String, Object> ref = controllerOf(object);
            return ref == null || uid != null && uid.equals(ref.get("uid"));
        };
    }

    /** Whether an owner (by uid) controls an object. */
    public static boolean controlledBy(Map<String, ?> object, Map<String, ?> owner) {
        Map<String, Object> ref = controllerOf(object);
        return ref != null && ref.get("uid") != null && ref.get("uid").equals(Tree.uid(owner));
    }

    /**
     * The objects of a namespace that an owner controls, after adopting the orphans its selector matches and
     * releasing the owned ones it no longer matches (neither while the owner is being deleted).
     *
     * @param candidates the objects to consider (all of the kind in the owner's namespace)
     * @param selects    whether the owner's selector matches an object
     * @param ref        the controller reference to add when adopting
     */
    public static List<Map<String, Object>> claim(
            ClusterClient cluster,
            Resource resource,
            Map<String, Object> owner,
            List<Map<String, Object>> candidates,
            Predicate<Map<String, Object>> selects,
            Map<String, Object> ref) {
        List<Map<String, Object>> claimed = new ArrayList<>();
        boolean ownerDeleting = Tree.deleting(owner);
        for (Map<String, Object> object : candidates) {
            Map<String, Object> controller = controllerOf(object);
            ObjectKey key = new ObjectKey(resource, Tree.namespace(object), Tree.name(object));
            if (controller != null) {
                if (!Tree.uid(owner).equals(controller.get("uid"))) {
                    continue;
                }
                if (selects.test(object) || ownerDeleting) {
                    claimed.add(object);
                } else if (!Tree.deleting(object)) {
                    cluster.update(key, edited -> removeRef(edited, Tree.uid(owner)), Manager.CONTROLLER_MANAGER);
                }
            } else if (!ownerDeleting && !Tree.deleting(object) && selects.test(object)) {
                Map<String, Object> adopted = cluster.update(
                        key,
                        edited -> Tree.childList(Tree.child(edited, "metadata"), "ownerReferences")
                                .add(Tree.copy(ref)),
                        Manager.CONTROLLER_MANAGER);
                if (adopted != null) {
                    claimed.add(adopted);
                }
            }
        }
        return claimed;
    }

    /** Removes the owner references to an owner's uid from a mutable object. */
    public static void removeRef(Map<String, Object> object, String ownerUid) {
        Map<String, Object> meta = Tree.child(object, "metadata");
        List<Object> refs = Tree.childList(meta, "ownerReferences");
        refs.removeIf(item -> ownerUid.equals(Tree.map(item).get("uid")));
        if (refs.isEmpty()) {
            meta.remove("ownerReferences");
        }
    }
}
