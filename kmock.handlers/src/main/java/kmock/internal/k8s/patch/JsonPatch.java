package kmock.internal.k8s.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers, applied to a deep copy so
 * that a failing operation leaves the target untouched: a malformed patch is a 400, a failed {@code test} or a path
 * that does not resolve a 422, as kube-apiserver answers.
 */
public final class JsonPatch {

    private JsonPatch() {}

    /** The target with every operation applied, or an exception and no change. */
    public static Object apply(Object target, Object patch) {
        if (!(patch instanceof List<?> operations)) {
            throw new KubernetesException(Reason.BAD_REQUEST, "a JSON patch must be an array of operations");
        }
        Object document = copy(target);
        for (Object item : operations) {
            if (!(item instanceof Map<?, ?> operation)
                    || !(operation.get("op") instanceof String op)
                    || !(operation.get("path") instanceof String path)) {
                throw new KubernetesException(
                        Reason.BAD_REQUEST, "a JSON patch operation needs 'op' and 'path': " + item);
            }
            document = switch (op) {
                case "add" -> add(document, path, value(operation));
                case "remove" -> remove(document, path);
                case "replace" -> add(remove(document, path), path, value(operation));
                case "move" -> {
                    String from = from(operation);
                    Object moved = get(document, from);
                    yield add(remove(document, from), path, moved);
                }
                case "copy" -> add(document, path, copy(get(document, from(operation))));
                case "test" -> {
                    if (!equal(get(document, path), value(operation))) {
                        throw new KubernetesException(Reason.INVALID, "the test operation at " + path + " failed");
                    }
                    yield document;
                }
                default ->
                    throw new KubernetesException(Reason.BAD_REQUEST, "unknown JSON patch operation '" + op + "'");
            };
        }
        return document;
    }

    private static Object value(Map<?, ?> operation) {
        if (!operation.containsKey("value")) {
            throw new KubernetesException(
                    Reason.BAD_REQUEST, "the '" + operation.get("op") + "' operation needs a 'value'");
        }
        return copy(operation.get("value"));
    }

    private static String from(Map<?, ?> operation) {
        if (!(operation.get("from") instanceof String from)) {
            throw new KubernetesException(
                    Reason.BAD_REQUEST, "the '" + operation.get("op") + "' operation needs a 'from'");
        }
        return from;
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new KubernetesException(Reason.BAD_REQUEST, "a JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static Object get(Object document, String pointer) {
        Object current = document;
        for (String token : tokens(pointer)) {
            current = child(current, token, pointer);
        }
        return current;
    }

    private static Object child(Object node, String token, String pointer) {
        if (node instanceof Map<?, ?> map && map.containsKey(token)) {
            return map.get(token);
        }
        if (node instanceof List<?> list) {
            int index = index(token, list.size() - 1, pointer);
            return list.get(index);
        }
        throw new KubernetesException(Reason.INVALID, "the path " + pointer + " does not exist");
    }

    private static int index(String token, int max, String pointer) {
        try {
            int index = Integer.parseInt(token);
            if (index < 0 || index > max || !token.equals(String.valueOf(index))) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw new KubernetesException(
                    Reason.INVALID, "the index '" + token + "' in " + pointer + " is out of range");
        }
    }

    @SuppressWarnings("unchecked")
    private static Object add(Object document, String pointer, Object value) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return value;
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, pointer);
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(last, value);
        } else if (parent instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            items.add(last.equals("-") ? items.size() : index(last, items.size(), pointer), value);
        } else {
            throw new KubernetesException(Reason.INVALID, "the parent of " + pointer + " is not an object or array");
        }
        return document;
    }

    private static Object remove(Object document, String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return null;
        }
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, pointer);
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof Map<?, ?> map && map.containsKey(last)) {
            map.remove(last);
        } else if (parent instanceof List<?> list) {
            list.remove(index(last, list.size() - 1, pointer));
        } else {
            throw new KubernetesException(Reason.INVALID, "the path " + pointer + " does not exist");
        }
        return document;
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A deep, mutable copy of a JSON value. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
