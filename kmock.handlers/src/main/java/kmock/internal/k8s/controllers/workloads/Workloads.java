package kmock.internal.k8s.controllers.workloads;

import java.util.Map;
import java.util.Objects;

import kmock.internal.k8s.controllers.Owners;
import kmock.internal.k8s.store.StoreEvent;

/** What the workload controllers share: reading which owner of a kind controls the object of a change. */
final class Workloads {

    private Workloads() {}

    /** The name of the controller of a kind (and API version) that controls the changed object, before or after; or {@code null}. */
    static String controllerName(Map<String, Object> object, String apiVersion, String kind) {
        if (object == null) {
            return null;
        }
        Map<String, Object> ref = Owners.controllerOf(object);
        return ref != null && kind.equals(ref.get("kind")) && Objects.equals(apiVersion, ref.get("apiVersion"))
                ? (String) ref.get("name")
                : null;
    }

    /** Adds the controllers (of a kind) of an object before and after a change. */
    static void addControllers(
            StoreEvent event, String apiVersion, kmock.internal.k8s.controllers.Controller.Keys keys, String kind) {
        String now = controllerName(event.object(), apiVersion, kind);
        String before = controllerName(event.previous(), apiVersion, kind);
        if (now != null) {
            keys.add(event.key().namespace(), now);
        }
        if (before != null && !before.equals(now)) {
            keys.add(event.key().namespace(), before);
        }
    }
}
