package kmock.internal.k8s.patch;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7386 JSON merge patch: maps merge recursively, {@code null} deletes, everything else (lists too) replaces. */
public final class MergePatch {

    private MergePatch() {}

    /** The target with the patch applied; neither input is changed. */
    public static Object apply(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> changes)) {
            return patch;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (target instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
        }
        changes.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (value == null) {
                result.remove(name);
            } else {
                result.put(name, apply(result.get(name), value));
            }
        });
        return result;
    }
}
