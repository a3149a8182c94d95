package kmock.internal.k8s.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.Schema;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) as kube-apiserver applies it to built-in
 * kinds: maps merge recursively and {@code null} deletes; lists whose field has the {@code merge} strategy merge by
 * their merge key (lists of scalars as sets), other lists are replaced; the directives {@code $patch}
 * ({@code replace}, {@code delete}), {@code $retainKeys}, {@code $setElementOrder/<list>} and
 * {@code $deleteFromPrimitiveList/<list>} act and never remain in the result. Item order, error messages and status
 * codes are those of the API server (see {@link SmpErrors}); {@code kubectl patch --local --type strategic} runs the
 * same Go code and is the tests' oracle.
 */
public final class StrategicMergePatch {

    private StrategicMergePatch() {}

    /**
     * The patched object, a new map: the original and the patch are left as they are.
     *
     * @param original the current object
     * @param patch    the decoded patch body, a JSON object
     * @param schema   the schema of the object's kind
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Map<String, Object> original, Object patch, ObjectSchema schema) {
        if (patch == null) {
            return (Map<String, Object>) JsonPatch.copy(original);
        }
        if (!(patch instanceof Map<?, ?>)) {
            throw SmpErrors.badRequest(
                    "json: cannot unmarshal " + jsonType(patch) + " into Go value of type map[string]interface {}");
        }
        Map<String, Object> result = mergeMap(
                (Map<String, Object>) JsonPatch.copy(original), (Map<String, Object>) JsonPatch.copy(patch), schema);
        Directives.strip(result);
        return result;
    }

    /** Merges a patch map into an original map, both owned by this patch run and changed in place. */
    private static Map<String, Object> mergeMap(
            Map<String, Object> original, Map<String, Object> patch, Schema schema) {
        if (patch.containsKey(Directives.PATCH)) {
            Object directive = patch.get(Directives.PATCH);
            if (Directives.REPLACE.equals(directive)) {
                patch.remove(Directives.PATCH);
                return patch;
            }
            if (Directives.DELETE.equals(directive)) {
                return new LinkedHashMap<>();
            }
            throw SmpErrors.badDirective(directive, patch);
        }
        Map<String, Object> target = original == null ? new LinkedHashMap<>() : original;
        retainKeys(target, patch);
        ElementOrder.apply(target, patch, schema);
        for (Map.Entry<String, Object> entry : new ArrayList<>(patch.entrySet())) {
            String key = entry.getKey();
            Object value = entry.getValue();
            boolean deletions = key.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST);
            if (deletions) {
                key = Directives.listKey(key, Directives.DELETE_FROM_PRIMITIVE_LIST, SmpErrors.BAD_PRIMITIVE_LIST);
            }
            if (value == null) {
                target.remove(key);
                continue;
            }
            Object current = target.get(key);
            if (!target.containsKey(key) || GoValues.type(current) != GoValues.type(value)) {
                if (!deletions) {
                    takeOver(target, key, value);
                }
                continue;
            }
            target.put(
                    key,
                    switch (GoValues.type(value)) {
                        case MAP -> mergeField(asMap(current), asMap(value), PatchMeta.of(schema, key, false));
                        case LIST -> {
                            PatchMeta meta = PatchMeta.of(schema, key, true);
                            yield meta.strategy().equals(Directives.MERGE) || deletions
                                    ? mergeList(asList(current), asList(value), meta, deletions)
                                    : value;
                        }
                        default -> value;
                    });
        }
        return target;
    }

    private static Object mergeField(Map<String, Object> current, Map<String, Object> patch, PatchMeta meta) {
        return meta.strategy().equals(Directives.REPLACE) ? patch : mergeMap(current, patch, meta.schema());
    }

    /** A patch value for a key the original lacks (or holds with another type): without nulls and {@code $patch} maps. */
    private static void takeOver(Map<String, Object> target, String key, Object value) {
        Directives.dropNulls(value);
        Object kept = Directives.withoutPatchMaps(value);
        if (kept == Directives.DROPPED) {
            target.remove(key);
        } else {
            target.put(key, kept);
        }
    }

    /**
     * {@code $retainKeys}: the original keeps only the listed keys, and the patch may set no other (a 400), which
     * is how a client switches a union such as a Deployment's strategy or a volume's source.
     */
    private static void retainKeys(Map<String, Object> original, Map<String, Object> patch) {
        if (!patch.containsKey(Directives.RETAIN_KEYS)) {
            return;
        }
        if (!(patch.remove(Directives.RETAIN_KEYS) instanceof List<?> retained)) {
            throw SmpErrors.badRequest(SmpErrors.BAD_RETAIN_KEYS);
        }
        patch.forEach((key, value) -> {
            if (value != null
                    && !key.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)
                    && !key.startsWith(Directives.SET_ELEMENT_ORDER)
                    && !GoValues.contains(retained, key)) {
                throw SmpErrors.badRequest(SmpErrors.BAD_RETAIN_KEYS);
            }
        });
        original.keySet().removeIf(key -> !GoValues.contains(retained, key));
    }

    /**
     * Merges a patch list into an original list of a {@code merge} field (or removes the items of a
     * {@code $deleteFromPrimitiveList}); returns a new list and leaves the original list as it was.
     */
    static List<Object> mergeList(List<Object> original, List<Object> patch, PatchMeta meta, boolean deletions) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        GoValues.Type kind = elementType(original, patch);
        List<Object> live = original;
        List<Object> patchItems = patch;
        List<Object> merged;
        if (kind != GoValues.Type.MAP) {
            if (deletions) {
                List<Object> kept = new ArrayList<>();
                original.stream()
                        .filter(item -> !GoValues.contains(patch, item))
                        .forEach(kept::add);
                return kept;
            }
            merged = new ArrayList<>();
            for (Object item : original) {
                addUnique(merged, item);
            }
            for (Object item : patch) {
                addUnique(merged, item);
            }
        } else {
            String key = meta.mergeKey();
            if (key.isEmpty()) {
                throw SmpErrors.unclassified("cannot merge lists without merge key for " + meta.goKind());
            }
            live = new ArrayList<>(original);
            patchItems = new ArrayList<>();
            boolean replace = false;
            for (Object item : patch) {
                Map<String, Object> map = asMap(item);
                if (!map.containsKey(Directives.PATCH)) {
                    patchItems.add(map);
                    continue;
                }
                Object directive = map.get(Directives.PATCH);
                if (Directives.DELETE.equals(directive)) {
                    if (!map.containsKey(key)) {
                        throw SmpErrors.noMergeKey(map, key);
                    }
                    for (int at = ListOrder.indexByKey(live, key, map.get(key));
                            at >= 0;
                            at = ListOrder.indexByKey(live, key, map.get(key))) {
                        live.remove(at);
                    }
                } else if (Directives.REPLACE.equals(directive)) {
                    replace = true;
                } else if (Directives.MERGE.equals(directive)) {
                    throw SmpErrors.unclassified("merging lists cannot yet be specified in the patch");
                } else {
                    throw SmpErrors.badDirective(directive, map);
                }
            }
            if (replace) {
                live = patchItems;
                patchItems = List.of();
            }
            merged = new ArrayList<>(live);
            for (Object item : patchItems) {
                Map<String, Object> map = asMap(item);
                if (!map.containsKey(key)) {
                    throw SmpErrors.noMergeKey(map, key);
                }
                int at = ListOrder.indexByKey(merged, key, map.get(key));
                if (at >= 0) {
                    merged.set(at, mergeMap(asMap(merged.get(at)), map, meta.schema()));
                } else {
                    merged.add(map);
                }
            }
        }
        List<List<Object>> parts = ListOrder.partition(merged, patchItems, meta.mergeKey());
        return ListOrder.arrange(
                parts.get(0), parts.get(1), patchItems, live, meta.mergeKey(), kind == GoValues.Type.MAP);
    }

    private static void addUnique(List<Object> items, Object item) {
        if (!GoValues.contains(items, item)) {
            items.add(item);
        }
    }

    /** The one Go type of the items of some lists; lists of lists, mixed types and no items at all are errors. */
    static GoValues.Type elementType(List<?>... lists) {
        GoValues.Type found = null;
        for (List<?> list : lists) {
            for (Object item : list) {
                GoValues.Type type = GoValues.type(item);
                if (found == null) {
                    if (type == GoValues.Type.LIST) {
                        throw SmpErrors.listOfLists();
                    }
                    if (type == GoValues.Type.NULL) {
                        throw SmpErrors.unclassified(
                                "runtime error: invalid memory address or nil pointer dereference");
                    }
                    found = type;
                } else if (type != found) {
                    throw SmpErrors.unclassified(
                            "list element types are not identical: " + GoValues.text(List.of(lists)));
                }
            }
        }
        if (found == null) {
            throw SmpErrors.unclassified("no elements in any of the given slices");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    private static String jsonType(Object value) {
        return switch (GoValues.type(value)) {
            case LIST -> "array";
            case STRING -> "string";
            case BOOL -> "bool";
            default -> "number";
        };
    }
}
