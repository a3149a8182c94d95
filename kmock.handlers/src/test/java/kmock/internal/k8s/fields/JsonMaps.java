package kmock.internal.k8s.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.store.JsonTree;

/** Edits of JSON object trees for the tests: deep copies and a put that creates the maps on its way. */
final class JsonMaps {

    private JsonMaps() {}

    static Map<String, Object> copy(Map<String, Object> object) {
        return JsonTree.copyMap(object);
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> object, List<String> path, Object value) {
        Map<String, Object> node = object;
        for (String key : path.subList(0, path.size() - 1)) {
            node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<>());
        }
        node.put(path.get(path.size() - 1), value);
    }
}
