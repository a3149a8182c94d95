package kmock.internal.k8s.store;

import java.util.Map;

/**
 * The {@code status} subresource rule, for resources that declare one: writes to the main resource cannot change
 * {@code status}, and writes to {@code /status} change nothing but {@code status}. The emulator decides when a
 * resource has the subresource and applies these inside {@link ObjectStore#update}.
 */
public final class StatusSubresource {

    private StatusSubresource() {
    }

    /** A write to the main resource: the new body, with the stored {@code status} (or none, if none is stored). */
    public static Map<String, Object> keepStatus(Map<String, Object> stored, Map<String, Object> body) {
        Map<String, Object> result = JsonTree.copyMap(body);
        if (stored.containsKey("status")) {
            result.put("status", JsonTree.copy(stored.get("status")));
        } else {
            result.remove("status");
        }
        return result;
    }

    /**
     * A write to {@code /status}: the stored object with the body's {@code status}; the body's
     * {@code metadata.resourceVersion}, if any, is carried over so that optimistic concurrency still applies.
     */
    public static Map<String, Object> onlyStatus(Map<String, Object> stored, Map<String, Object> body) {
        Map<String, Object> result = JsonTree.copyMap(stored);
        if (body.containsKey("status")) {
            result.put("status", JsonTree.copy(body.get("status")));
        } else {
            result.remove("status");
        }
        Map<String, Object> bodyMeta = ManagedMetadata.metadataOf(body);
        Map<String, Object> meta = ManagedMetadata.metadataOf(result);
        if (bodyMeta != null && bodyMeta.get("resourceVersion") != null && meta != null) {
            meta.put("resourceVersion", bodyMeta.get("resourceVersion"));
        }
        return result;
    }
}
