package kmock.internal.k8s.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.defaults.Fields;
import kmock.internal.k8s.store.StatusSubresource;

/**
 * The steps of the Namespace and PersistentVolume strategies (pkg/registry/core/namespace and persistentvolume,
 * Kubernetes 1.32).
 */
final class CoreHooks {

    /**
     * A Namespace is created {@code Active} with the {@code kubernetes} finalizer in its spec; an update cannot
     * change its spec's finalizers (the {@code /finalize} subresource does).
     */
    static final KindHook NAMESPACE = new KindHook() {
        @Override
        public void prepareForCreate(Cluster cluster, Map<String, Object> namespace, Object givenStatus) {
            Fields.objectOrNew(namespace, "status").put("phase", "Active");
            Map<String, Object> spec = Fields.objectOrNew(namespace, "spec");
            List<Object> finalizers = new ArrayList<>(Fields.list(spec, "finalizers"));
            if (!finalizers.contains("kubernetes")) {
                finalizers.add("kubernetes");
            }
            spec.put("finalizers", finalizers);
        }

        @Override
        public void prepareForUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> namespace) {
            Map<String, Object> kept = StatusSubresource.keepStored(current, namespace, "spec.finalizers");
            namespace.clear();
            namespace.putAll(kept);
        }
    };

    /**
     * A PersistentVolume is created {@code Pending}, with the time of that phase; a {@code /status} write that
     * changes the phase records a new transition time unless it gives one.
     */
    static final KindHook PERSISTENT_VOLUME = new KindHook() {
        @Override
        public void prepareForCreate(Cluster cluster, Map<String, Object> volume, Object givenStatus) {
            Map<String, Object> status = Fields.objectOrNew(volume, "status");
            status.put("phase", "Pending");
            status.put("lastPhaseTransitionTime", cluster.now());
        }

        @Override
        public void prepareForStatusUpdate(Cluster cluster, Map<String, Object> current, Map<String, Object> volume) {
            Map<String, Object> before = Fields.object(current, "status");
            Map<String, Object> status = Fields.objectOrNew(volume, "status");
            Object transition = status.get("lastPhaseTransitionTime");
            boolean samePhase = Fields.string(before, "phase").equals(Fields.string(status, "phase"));
            if (samePhase && transition == null) {
                if (before != null && before.get("lastPhaseTransitionTime") != null) {
                    status.put("lastPhaseTransitionTime", before.get("lastPhaseTransitionTime"));
                }
            } else if (!samePhase
                    && (transition == null
                            || transition.equals(before == null ? null : before.get("lastPhaseTransitionTime")))) {
                status.put("lastPhaseTransitionTime", cluster.now());
            }
        }
    };

    private CoreHooks() {}
}
