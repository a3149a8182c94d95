package kmock.internal.k8s.manifests;

import java.util.Map;

/**
 * One object of a manifest, with where it came from for error messages.
 *
 * @param object the object as written
 * @param origin the source, document and item, such as {@code objects.yaml, document 2, item 0}
 */
record Manifest(Map<String, Object> object, String origin) {

    String apiVersion() {
        return (String) object.get("apiVersion");
    }

    String kind() {
        return (String) object.get("kind");
    }

    Map<?, ?> metadata() {
        return (Map<?, ?>) object.get("metadata");
    }
}
