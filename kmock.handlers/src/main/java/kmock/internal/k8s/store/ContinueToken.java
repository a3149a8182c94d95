package kmock.internal.k8s.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import kmock.internal.json.Json;
import kmock.internal.k8s.status.KubernetesException;

/**
 * The opaque {@code continue} token of paged lists: the list's resourceVersion and the last key served, so the
 * next page reads the same snapshot from the next key on. Clients must treat it as opaque.
 *
 * @param revision  the resourceVersion the list is consistent at
 * @param namespace the namespace of the last object served, or {@code null}
 * @param name      the name of the last object served
 */
record ContinueToken(long revision, String namespace, String name) {

    String encode() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rv", revision);
        fields.put("ns", namespace);
        fields.put("name", name);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields));
    }

    /** Reads a token. @throws KubernetesException 400 for anything this store did not write */
    static ContinueToken decode(String token) {
        try {
            Object parsed = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> fields
                    && fields.get("rv") instanceof Number rv
                    && fields.get("name") instanceof String name
                    && !name.isEmpty()
                    && (fields.get("ns") == null || fields.get("ns") instanceof String)) {
                return new ContinueToken(rv.longValue(), (String) fields.get("ns"), name);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the token
        }
        throw invalid(token);
    }

    static KubernetesException invalid(String token) {
        return new KubernetesException(
                KubernetesException.Reason.BAD_REQUEST,
                "invalid continue token '" + token
                        + "': pass the token of the previous page exactly as received, or list again without continue");
    }
}
