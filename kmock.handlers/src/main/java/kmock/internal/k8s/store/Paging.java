package kmock.internal.k8s.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * Lists with {@code limit} and {@code continue}: every page reads the objects as they were at the first page's
 * resourceVersion (the histories keep each version with its resourceVersion), resuming after the last key served.
 * A token older than the event window is refused with 410, as the API server refuses compacted ones.
 */
final class Paging {

    /** A name that sorts before every real name (which never holds a control character). */
    private static final String FIRST_NAME = "\u0000";

    private Paging() {}

    /** One page; called under the store's lock. */
    static ListPage page(
            NavigableMap<ObjectKey, History> objects,
            long revision,
            long compacted,
            Resource resource,
            String namespace,
            Predicate<? super Map<String, Object>> filter,
            long limit,
            String continueToken) {
        String ns = namespace == null || namespace.isEmpty() ? null : namespace;
        long at = revision;
        // Keys sort by resource, then namespace (cluster-wide first), then name: the resource's (and namespace's) keys
        // are one run, read from its first key on, so a list never walks the other resources' objects.
        Iterable<Map.Entry<ObjectKey, History>> entries =
                objects.tailMap(new ObjectKey(resource, ns, FIRST_NAME), true).entrySet();
        if (continueToken != null && !continueToken.isEmpty()) {
            ContinueToken token = ContinueToken.decode(continueToken);
            if (token.revision() > revision) {
                throw ContinueToken.invalid(continueToken);
            }
            if (token.revision() < compacted) {
                throw new KubernetesException(
                        Reason.EXPIRED,
                        "continue token expired: the list it continues (at "
                                + "resourceVersion " + token.revision()
                                + ") is older than the kept history; list again "
                                + "without continue");
            }
            at = token.revision();
            entries = objects.tailMap(new ObjectKey(resource, token.namespace(), token.name()), false)
                    .entrySet();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        ObjectKey last = null;
        long remaining = 0;
        for (Map.Entry<ObjectKey, History> entry : entries) {
            if (!entry.getKey().within(resource, ns)) {
                break;
            }
            StoredVersion version = entry.getValue().at(at);
            if (version == null) {
                continue;
            }
            Map<String, Object> object = new StoredObject(version);
            if (!filter.test(object)) {
                continue;
            }
            if (limit > 0 && items.size() >= limit) {
                remaining++;
            } else {
                items.add(object);
                last = entry.getKey();
            }
        }
        String next = remaining > 0 ? new ContinueToken(at, last.namespace(), last.name()).encode() : null;
        return new ListPage(
                Collections.unmodifiableList(items), Long.toString(at), next, remaining > 0 ? remaining : null);
    }
}
