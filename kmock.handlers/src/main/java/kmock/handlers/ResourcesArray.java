package kmock.handlers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import kmock.api.Resource;
import kmock.internal.k8s.discovery.Hints;
import kmock.internal.k8s.discovery.ResourceLists;

/**
 * The live catalog of resources a Kubernetes handler serves in discovery, keyed by complete {@link Resource}s;
 * thread-safe. A spec is a string in any complete notation of {@link Resource#parse} ({@code "v1/pods"},
 * {@code "pods.v1"}, {@code "apps/v1/deployments"}, {@code "kopfexamples.v1.kopf.dev"}) or a complete
 * {@code Resource}; a spec without a group, version or plural is refused, since discovery needs all three.
 *
 * @since 0.1
 */
public final class ResourcesArray {

    private final Object lock = new Object();
    // Guarded by lock; insertion-ordered so that keys() lists resources as they were declared or loaded.
    private final Map<Resource, ResourceInfo> resources = new LinkedHashMap<>();
    private final AtomicLong revision = new AtomicLong();
    /** Given to every description held here, so that changing one changes the revision. */
    private final Runnable changed = revision::incrementAndGet;

    ResourcesArray() {}

    /**
     * Declares a resource with a description (kept by reference: later changes to it are served) or a map of its
     * fields ({@code Map.of("kind", "Foo", "namespaced", true)}, keys as in {@link ResourceInfo#KEYS}); replaces
     * any earlier description. Returns the description now held.
     *
     * @throws IllegalArgumentException for an incomplete spec, an unknown map key, or another kind of description
     */
    @SuppressWarnings("unchecked")
    public ResourceInfo put(Object spec, Object info) {
        Resource resource = resourceOf(spec);
        ResourceInfo value;
        if (info instanceof ResourceInfo given) {
            value = given;
        } else if (info instanceof Map<?, ?> map) {
            value = ResourceInfo.of((Map<String, ?>) map);
        } else {
            throw new IllegalArgumentException("A resource description is a ResourceInfo or a Map such as "
                    + "Map.of(\"kind\", \"Foo\", \"namespaced\", true); got "
                    + (info == null ? "null" : info.getClass().getName()));
        }
        synchronized (lock) {
            hold(resource, value);
        }
        revision.incrementAndGet();
        return value;
    }

    /** The description of a resource; on first access an empty one is created and declared, ready to be filled in. */
    public ResourceInfo get(Object spec) {
        Resource resource = resourceOf(spec);
        synchronized (lock) {
            ResourceInfo info = resources.get(resource);
            if (info != null) {
                return info;
            }
            info = new ResourceInfo();
            hold(resource, info);
            revision.incrementAndGet();
            return info;
        }
    }

    /** The description of a resource, or {@code null} when it is not declared; unlike {@link #get}, creates nothing. */
    public ResourceInfo find(Object spec) {
        Resource resource = resourceOf(spec);
        synchronized (lock) {
            return resources.get(resource);
        }
    }

    /** Forgets a resource; returns its description, or {@code null} when it was not declared. */
    public ResourceInfo remove(Object spec) {
        Resource resource = resourceOf(spec);
        ResourceInfo removed;
        synchronized (lock) {
            removed = resources.remove(resource);
            if (removed == null) {
                return null;
            }
            release(removed);
        }
        revision.incrementAndGet();
        return removed;
    }

    /** Whether a resource is declared. */
    public boolean contains(Object spec) {
        Resource resource = resourceOf(spec);
        synchronized (lock) {
            return resources.containsKey(resource);
        }
    }

    /** A snapshot of the declared resources, in the order they were first declared or loaded. */
    public Set<Resource> keys() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(resources.keySet()));
        }
    }

    /** How many resources are declared. */
    public int size() {
        synchronized (lock) {
            return resources.size();
        }
    }

    /**
     * A counter that grows with every change of the catalog, including changes made through a held
     * {@link ResourceInfo}: a cache of rendered documents reads it before taking its snapshot and stays valid
     * while it is unchanged.
     */
    long revision() {
        return revision.get();
    }

    /**
     * Loads a discovery dump such as {@code kmock fetch resources} writes: a JSON array of {@code APIResourceList}s,
     * one of them, or a {@code List} of them; gzip-compressed when the name ends in {@code .gz} or the content says
     * so. Loaded resources replace earlier descriptions of the same resources; on malformed input nothing is loaded.
     *
     * @throws IllegalArgumentException naming the file and what was wrong, for malformed content
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public ResourcesArray loadPath(Path path) {
        return holdAll(ResourceLists.read(Objects.requireNonNull(path, "path")));
    }

    /** Loads a discovery dump from JSON text (see {@link #loadPath}). @throws IllegalArgumentException when malformed */
    public ResourcesArray loadData(String json) {
        return loadData(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads a discovery dump from JSON bytes, gzip-compressed or not (see {@link #loadPath}). @throws IllegalArgumentException when malformed */
    public ResourcesArray loadData(byte[] data) {
        return holdAll(ResourceLists.read(data, "the given data"));
    }

    /**
     * Loads the built-in resources of a recent Kubernetes: core {@code v1}, {@code apps}, {@code batch},
     * {@code autoscaling}, {@code policy} and the {@code *.k8s.io} groups, with their short names, categories
     * and subresources.
     */
    public ResourcesArray loadBundled() {
        return holdAll(ResourceLists.bundled());
    }

    @Override
    public String toString() {
        return "ResourcesArray" + keys();
    }

    private ResourcesArray holdAll(Map<Resource, ResourceInfo> loaded) {
        synchronized (lock) {
            loaded.forEach(this::hold);
        }
        revision.incrementAndGet();
        return this;
    }

    /** Stores a description and watches it; the one it replaces is no longer watched unless held elsewhere here. Under lock. */
    private void hold(Resource resource, ResourceInfo info) {
        ResourceInfo previous = resources.put(resource, info);
        info.observe(changed);
        if (previous != null && previous != info) {
            release(previous);
        }
    }

    /** Stops watching a description that left the catalog, so that it does not keep this catalog reachable. Under lock. */
    private void release(ResourceInfo info) {
        if (!resources.containsValue(info)) {
            info.unobserve(changed);
        }
    }

    private static Resource resourceOf(Object spec) {
        Resource resource;
        if (spec instanceof Resource given) {
            resource = given;
        } else if (spec instanceof String text) {
            resource = Resource.parse(text);
        } else {
            throw new IllegalArgumentException(Hints.notASpec(spec));
        }
        if (!resource.isComplete()) {
            throw new IllegalArgumentException(Hints.incompleteSpec(spec, resource));
        }
        return resource;
    }
}
