package kmock.internal.k8s.store;

import java.util.Map;

/**
 * The {@code status} subresource rule, for resources that declare one: writes to the main resource cannot change
 * {@code status}, and writes to {@code /status} change nothing but {@code status}. The emulator decides when a
 * resource has the subresource and applies these inside {@link ObjectStore#update}.
 */
public final class StatusSubresource {

    private StatusSubresource() {}

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

    /**
     * A write to {@code /status} of a kind whose strategy only restores some parts: the body, with the stored values
     * of the given parts (absent when the stored object has none).
     *
     * @param paths dotted paths, e.g. {@code spec} or {@code metadata.labels}
     */
    public static Map<String, Object> keepStored(
            Map<String, Object> stored, Map<String, Object> body, String... paths) {
        Map<String, Object> result = JsonTree.copyMap(body);
        for (String path : paths) {
            String[] steps = path.split("\\.");
            Map<String, Object> from = parent(stored, steps, false);
            Map<String, Object> to = parent(result, steps, from != null && from.containsKey(steps[steps.length - 1]));
            String last = steps[steps.length - 1];
            if (from != null && from.containsKey(last)) {
                to.put(last, JsonTree.copy(from.get(last)));
            } else if (to != null) {
                to.remove(last);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> object, String[] steps, boolean create) {
        Map<String, Object> current = object;
        for (int i = 0; i < steps.length - 1; i++) {
            Object next = current.get(steps[i]);
            if (!(next instanceof Map<?, ?>)) {
                if (!create) {
                    return null;
                }
                next = new java.util.LinkedHashMap<String, Object>();
                current.put(steps[i], next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }
}
