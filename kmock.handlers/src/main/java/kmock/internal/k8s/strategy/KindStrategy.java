package kmock.internal.k8s.strategy;

import java.util.Map;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.TypedDecoder;
import kmock.internal.k8s.store.StatusSubresource;

/**
 * The rules of one kind's registry strategy that the API server applies after decoding: what a create or an update
 * of the main resource does to {@code status}, and whether the kind counts {@code metadata.generation}.
 */
public final class KindStrategy {

    private final GroupVersionKind gvk;
    private final ObjectSchema schema;
    private final boolean custom;
    private final boolean statusSubresource;

    /**
     * The strategy of a kind.
     *
     * @param schema            the kind's schema, or {@code null} when nobody declared one
     * @param custom            whether it is a custom resource's
     * @param statusSubresource whether the resource serves {@code /status}
     */
    public KindStrategy(GroupVersionKind gvk, ObjectSchema schema, boolean custom, boolean statusSubresource) {
        this.gvk = gvk;
        this.schema = schema;
        this.custom = custom;
        this.statusSubresource = statusSubresource;
    }

    /** The kind. */
    public GroupVersionKind gvk() {
        return gvk;
    }

    /** The kind's schema, or {@code null} when it has none: then it is stored as given. */
    public ObjectSchema schema() {
        return schema;
    }

    /** Whether it is a custom resource's kind. */
    public boolean custom() {
        return custom;
    }

    /** Whether the resource has a {@code status} subresource. */
    public boolean statusSubresource() {
        return statusSubresource;
    }

    /**
     * A create of the main resource: where a {@code status} subresource exists, the given status is not the
     * client's to set — a custom resource starts without one, a built-in kind with its zero status.
     */
    public Map<String, Object> prepareForCreate(Map<String, Object> object) {
        if (!statusSubresource || !object.containsKey("status") && custom) {
            return object;
        }
        if (custom || schema == null || schema.field("status") == null) {
            object.remove("status");
        } else if (!gvk.kind().equals("Node")) {
            // Nodes are created with their status (the kubelet registers so); every other kind starts at zero.
            object.put("status", TypedDecoder.decode(statusType(), Map.of(), true, gvk).object());
        }
        return object;
    }

    /** An update of the main resource: with a {@code status} subresource the stored status stays. */
    public Map<String, Object> prepareForUpdate(Map<String, Object> current, Map<String, Object> object) {
        return statusSubresource ? StatusSubresource.keepStatus(current, object) : object;
    }

    /** An update through {@code /status}: only the status changes. */
    public Map<String, Object> prepareForStatusUpdate(Map<String, Object> current, Map<String, Object> object) {
        return StatusSubresource.onlyStatus(current, object);
    }

    /** Whether the kind's objects carry a {@code metadata.generation}. */
    public boolean countsGenerations() {
        return true;
    }

    private ObjectSchema statusType() {
        return (ObjectSchema) schema.field("status").schema();
    }
}
