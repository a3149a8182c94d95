package kmock.internal.k8s.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas one emulator knows: the built-in kinds, plus the custom resources of the CustomResourceDefinitions it
 * stores (registered when a CRD is written, dropped when it is deleted). Live and thread-safe.
 */
public final class KindSchemas {

    private final Map<GroupVersionKind, ObjectSchema> custom = new ConcurrentHashMap<>();

    /** The schema of a kind, or {@code null} when nobody declared one (objects of it are stored as given). */
    public ObjectSchema get(GroupVersionKind gvk) {
        ObjectSchema schema = custom.get(gvk);
        return schema != null ? schema : BuiltinSchemas.get().kind(gvk);
    }

    /** Whether a kind is a custom resource's (strategic merge patch does not apply to those). */
    public boolean isCustom(GroupVersionKind gvk) {
        return custom.containsKey(gvk);
    }

    /** Registers the schemas of every version that a CustomResourceDefinition serves. */
    public void register(Map<String, Object> crd) {
        forEachVersion(crd, (gvk, schema) -> custom.put(gvk, CrdSchemas.resource(gvk, schema)));
    }

    /** Forgets the schemas of a deleted CustomResourceDefinition. */
    public void unregister(Map<String, Object> crd) {
        forEachVersion(crd, (gvk, schema) -> custom.remove(gvk));
    }

    /** The custom resources' schemas, for OpenAPI. */
    public Map<GroupVersionKind, ObjectSchema> custom() {
        return Map.copyOf(custom);
    }

    private static void forEachVersion(
            Map<String, Object> crd, java.util.function.BiConsumer<GroupVersionKind, Map<?, ?>> action) {
        if (!(crd.get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("group") instanceof String group)
                || !(spec.get("names") instanceof Map<?, ?> names)
                || !(names.get("kind") instanceof String kind)
                || !(spec.get("versions") instanceof java.util.List<?> versions)) {
            return;
        }
        for (Object entry : versions) {
            if (entry instanceof Map<?, ?> version && version.get("name") instanceof String name) {
                Map<?, ?> schema =
                        version.get("schema") instanceof Map<?, ?> s && s.get("openAPIV3Schema") instanceof Map<?, ?> o
                                ? o
                                : null;
                action.accept(new GroupVersionKind(group, name, kind), schema);
            }
        }
    }
}
