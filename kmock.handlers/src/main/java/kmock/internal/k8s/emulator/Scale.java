package kmock.internal.k8s.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code autoscaling/v1 Scale} view of an object with {@code spec.replicas}. */
final class Scale {

    private Scale() {}

    static Map<String, Object> of(Map<String, Object> object) {
        Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object wanted = object.get("spec") instanceof Map<?, ?> spec ? spec.get("replicas") : null;
        Object actual = object.get("status") instanceof Map<?, ?> status ? status.get("replicas") : null;
        Map<String, Object> scaleMetadata = new LinkedHashMap<>();
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (metadata.get(field) != null) {
                scaleMetadata.put(field, metadata.get(field));
            }
        }
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("apiVersion", "autoscaling/v1");
        scale.put("kind", "Scale");
        scale.put("metadata", scaleMetadata);
        scale.put("spec", Map.of("replicas", wanted == null ? 0 : wanted));
        scale.put("status", Map.of("replicas", actual == null ? 0 : actual));
        return scale;
    }
}
