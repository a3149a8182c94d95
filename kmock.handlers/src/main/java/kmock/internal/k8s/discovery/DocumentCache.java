package kmock.internal.k8s.discovery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import kmock.api.Resource;
import kmock.api.Response;
import kmock.handlers.ResourceInfo;

/**
 * The discovery replies rendered from one state of the resource catalog, each built once on first request:
 * clients ask for the same documents on every command (kubectl fetches the OpenAPI index and a group's document
 * before each {@code create -f}), and rendering them from a catalog of a hundred resources takes milliseconds.
 * A new catalog state gets a new cache. Thread-safe.
 */
public final class DocumentCache {

    private final long revision;
    private final Map<Resource, ResourceInfo> known;
    private final Map<String, Response> replies = new ConcurrentHashMap<>();

    /** A cache for the catalog state numbered {@code revision}, whose resources are {@code known}. */
    public DocumentCache(long revision, Map<Resource, ResourceInfo> known) {
        this.revision = revision;
        this.known = Map.copyOf(known);
    }

    /** The resources of the catalog state this cache renders; unmodifiable. */
    public Map<Resource, ResourceInfo> known() {
        return known;
    }

    /** The catalog state this cache renders. */
    public long revision() {
        return revision;
    }

    /**
     * The reply for a discovery path, rendered by {@code renderer} on first request; {@code null} when the renderer
     * does not serve the path. Only successes are kept, so that requests for made-up paths cannot grow the cache.
     */
    public Response reply(String path, BiFunction<String, Map<Resource, ResourceInfo>, Response> renderer) {
        Response cached = replies.get(path);
        if (cached != null) {
            return cached;
        }
        Response rendered = renderer.apply(path, known);
        if (rendered != null && rendered.status() == 200) {
            Response raced = replies.putIfAbsent(path, rendered);
            return raced != null ? raced : rendered;
        }
        return rendered;
    }
}
