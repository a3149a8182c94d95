package kmock.internal.k8s.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.KindSchemas;
import kmock.internal.k8s.store.GenerationRule;
import kmock.internal.k8s.store.ObjectStore;

/**
 * The strategies of one emulator's resources: each resource's kind (from the catalog, else the object's own
 * {@code kind}), its schema, whether it serves {@code /status}, and the cluster its strategy sees — the store's
 * clock, random source and live objects. Thread-safe: it keeps no state of its own.
 */
public final class KindStrategies {

    private final ObjectStore store;
    private final KindSchemas schemas;
    private final Function<Resource, ResourceInfo> catalog;
    private final Cluster cluster;

    /**
     * The strategies of an emulator.
     *
     * @param catalog the resource's description (kind, subresources), or {@code null} when unknown
     */
    public KindStrategies(ObjectStore store, KindSchemas schemas, Function<Resource, ResourceInfo> catalog) {
        this.store = store;
        this.schemas = schemas;
        this.catalog = catalog;
        this.cluster = Cluster.of(store.settings().clock(), store.settings().random(), this::live);
    }

    /** The strategy of a resource's kind: the catalog's kind, else the object's own ({@code null}: unknown). */
    public KindStrategy of(Resource resource, Map<String, ?> object) {
        ResourceInfo info = catalog.apply(resource);
        String kind = info != null && info.kind() != null
                ? info.kind()
                : object != null && object.get("kind") instanceof String k ? k : null;
        boolean statusSubresource = info != null && info.subresources().contains("status");
        if (kind == null) {
            return new KindStrategy(
                    new GroupVersionKind(resource.group(), resource.version(), ""),
                    null,
                    false,
                    statusSubresource,
                    cluster);
        }
        GroupVersionKind gvk = new GroupVersionKind(resource.group(), resource.version(), kind);
        return new KindStrategy(gvk, schemas.get(gvk), schemas.isCustom(gvk), statusSubresource, cluster);
    }

    /** How a resource's objects count {@code metadata.generation}, for the store. */
    public GenerationRule generations(Resource resource) {
        return of(resource, null).generations();
    }

    private List<Map<String, Object>> live(Resource resource) {
        return new ArrayList<>(
                store.list(resource, null, object -> true, 0, null).items());
    }
}
