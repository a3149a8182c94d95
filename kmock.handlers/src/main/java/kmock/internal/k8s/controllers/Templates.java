package kmock.internal.k8s.controllers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kmock.internal.json.Json;

/**
 * Pods made from workload templates (client-go's {@code GetPodFromTemplate}), and the hashes controllers name
 * things by: a 32-bit FNV-1a of the template's canonical JSON, written in the alphabet of Kubernetes' generated
 * names ({@code pod-template-hash}, {@code controller-revision-hash}). The value is not kube-controller-manager's
 * (which hashes Go's printout of the struct), but it has the same shape and the same stability.
 */
public final class Templates {

    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private Templates() {}

    /**
     * A pod from a template: its labels, annotations and finalizers, its spec, and the owner's controller reference.
     *
     * @param generateName the name prefix, or {@code null} when {@code name} is given
     * @param name         a fixed name, or {@code null}
     */
    public static Map<String, Object> pod(
            Map<String, ?> template, Map<String, Object> ref, String generateName, String name) {
        Map<String, Object> source = Tree.copy(Tree.map(template));
        Map<String, Object> templateMeta = Tree.map(source.get("metadata"));
        Map<String, Object> meta = Tree.object();
        if (name != null) {
            meta.put("name", name);
        } else {
            meta.put("generateName", generateName);
        }
        for (String field : List.of("labels", "annotations", "finalizers")) {
            if (templateMeta.get(field) != null) {
                meta.put(field, templateMeta.get(field));
            }
        }
        if (ref != null) {
            meta.put("ownerReferences", new java.util.ArrayList<>(List.of(ref)));
        }
        return Tree.object(
                "apiVersion",
                "v1",
                "kind",
                "Pod",
                "metadata",
                meta,
                "spec",
                source.getOrDefault("spec", Tree.object()));
    }

    /** The name prefix of a workload's pods: its name and a dash, shortened as the API server's name limit needs. */
    public static String prefix(String owner) {
        String prefix = owner + "-";
        return prefix.length() > 58 ? prefix.substring(0, 57) + "-" : prefix;
    }

    /** The hash of a value (and an optional collision count), in Kubernetes' safe alphabet. */
    public static String hash(Object value, Long collisionCount) {
        byte[] json = Json.write(canonical(value));
        int hash = 0x811c9dc5;
        for (byte b : json) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        if (collisionCount != null) {
            for (byte b : Long.toString(collisionCount).getBytes(StandardCharsets.US_ASCII)) {
                hash ^= b & 0xff;
                hash *= 0x01000193;
            }
        }
        return safeEncode(Long.toString(Integer.toUnsignedLong(hash)));
    }

    /** Each character mapped into the alphabet Kubernetes uses for generated names (no vowels, no look-alikes). */
    private static String safeEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (char c : text.toCharArray()) {
            encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
        }
        return encoded.toString();
    }

    /** Maps with sorted keys, all the way down, so that equal values hash equally whatever their key order. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Templates::canonical).toList();
        }
        return value;
    }
}
