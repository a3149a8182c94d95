package kmock.internal.views;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import kmock.api.Resource;
import kmock.internal.criteria.Criterion;

/**
 * What a handler's rules name literally: complete resources ({@code on("list kopf.dev/v1/kopfexamples")}) and
 * exact paths ({@code on("/custom/endpoint")}). Kubernetes handlers serve both in discovery, as the original does.
 * Only grows; thread-safe.
 */
public final class RuleNames {

    private final Set<Resource> resources = ConcurrentHashMap.newKeySet();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final AtomicLong revision = new AtomicLong();

    /** Records what the criteria of one {@code on(...)} name. */
    void add(List<Criterion> criteria) {
        for (Criterion criterion : criteria) {
            Resource resource = criterion.literalResource();
            boolean added = resource != null && resources.add(resource);
            String path = criterion.literalPath();
            added |= path != null && paths.add(path);
            if (added) {
                revision.incrementAndGet();
            }
        }
    }

    /** The complete resources named so far. */
    public Set<Resource> resources() {
        return Collections.unmodifiableSet(resources);
    }

    /** The exact paths named so far. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(paths);
    }

    /** A counter that grows with every new name. */
    public long revision() {
        return revision.get();
    }
}
