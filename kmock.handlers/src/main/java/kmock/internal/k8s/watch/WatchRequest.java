package kmock.internal.k8s.watch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import kmock.api.Resource;

/**
 * What a watch asks for, as parsed from its URL by the emulator.
 *
 * @param resource          the complete resource watched
 * @param namespace         the namespace, or {@code null} for all namespaces and cluster-wide objects
 * @param name              one object's name ({@code fieldSelector=metadata.name=…} or a URL name), or {@code null}
 * @param filter            label and field selectors; an object moving into the selection is ADDED, one moving
 *                          out of it is DELETED
 * @param resourceVersion   the {@code resourceVersion} parameter: {@code null}, {@code ""} or {@code "0"} start
 *                          with the current state, any other value with the changes after it
 * @param sendInitialEvents the {@code sendInitialEvents} parameter, or {@code null} when absent: {@code true}
 *                          sends the current state and then a BOOKMARK marking its end, {@code false} none of it
 * @param allowBookmarks    the {@code allowWatchBookmarks} parameter: periodic BOOKMARK events
 * @param timeout           the {@code timeoutSeconds} parameter, or {@code null} (or zero) for no limit
 */
public record WatchRequest(
        Resource resource,
        String namespace,
        String name,
        Predicate<? super Map<String, Object>> filter,
        String resourceVersion,
        Boolean sendInitialEvents,
        boolean allowBookmarks,
        Duration timeout) {

    /** Checks the parts. */
    public WatchRequest {
        Objects.requireNonNull(resource, "resource");
        if (!resource.isComplete()) {
            throw new IllegalArgumentException("A watch needs a complete resource, not " + resource);
        }
        namespace = namespace == null || namespace.isEmpty() ? null : namespace;
        name = name == null || name.isEmpty() ? null : name;
        filter = filter == null ? object -> true : filter;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? null : timeout;
    }

    /** A watch of a resource in a namespace ({@code null}: everywhere) from the current state, without options. */
    public static WatchRequest of(Resource resource, String namespace) {
        return new WatchRequest(resource, namespace, null, null, null, null, false, null);
    }

    /** The same watch of one object. */
    public WatchRequest withName(String objectName) {
        return new WatchRequest(
                resource, namespace, objectName, filter, resourceVersion, sendInitialEvents, allowBookmarks, timeout);
    }

    /** The same watch of the objects a filter accepts. */
    public WatchRequest withFilter(Predicate<? super Map<String, Object>> objectFilter) {
        return new WatchRequest(
                resource, namespace, name, objectFilter, resourceVersion, sendInitialEvents, allowBookmarks, timeout);
    }

    /** The same watch from a resourceVersion. */
    public WatchRequest withResourceVersion(String version) {
        return new WatchRequest(resource, namespace, name, filter, version, sendInitialEvents, allowBookmarks, timeout);
    }

    /** The same watch with {@code sendInitialEvents} given. */
    public WatchRequest withSendInitialEvents(Boolean send) {
        return new WatchRequest(resource, namespace, name, filter, resourceVersion, send, allowBookmarks, timeout);
    }

    /** The same watch with or without periodic bookmarks. */
    public WatchRequest withBookmarks(boolean allow) {
        return new WatchRequest(resource, namespace, name, filter, resourceVersion, sendInitialEvents, allow, timeout);
    }

    /** The same watch ending after a while ({@code null}: never). */
    public WatchRequest withTimeout(Duration limit) {
        return new WatchRequest(
                resource, namespace, name, filter, resourceVersion, sendInitialEvents, allowBookmarks, limit);
    }

    /** Whether the watch starts with the current state as ADDED events. */
    boolean startsWithState() {
        if (sendInitialEvents != null) {
            return sendInitialEvents;
        }
        return resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0");
    }
}
