package kmock.internal.k8s.strategy;

import java.util.LinkedHashMap;
import java.util.Map;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.schema.ObjectSchema;
import kmock.internal.k8s.schema.TypedDecoder;
import kmock.internal.k8s.store.GenerationRule;
import kmock.internal.k8s.store.StatusSubresource;
import kmock.internal.k8s.strategy.StrategyRules.StatusRule;
import kmock.internal.k8s.strategy.StrategyRules.StatusWrite;

/**
 * The rules of one kind's registry strategy that the API server applies after decoding and defaulting: what a
 * create or an update of the main resource does to {@code status}, what a {@code /status} write keeps, whether
 * and when the kind counts {@code metadata.generation}, and the kind's own steps (a Pod's initial status, a Job's
 * selector, a Service's cluster IP, a CustomResourceDefinition's conditions). Built-in kinds follow their
 * strategies in Kubernetes 1.32; custom resources the apiextensions-apiserver's.
 */
public final class KindStrategy {

    private final GroupVersionKind gvk;
    private final ObjectSchema schema;
    private final boolean custom;
    private final boolean statusSubresource;
    private final StrategyRules rules;
    private final Cluster cluster;

    /**
     * The strategy of a kind, seeing no other object.
     *
     * @param schema            the kind's schema, or {@code null} when nobody declared one
     * @param custom            whether it is a custom resource's
     * @param statusSubresource whether the resource serves {@code /status}
     */
    public KindStrategy(GroupVersionKind gvk, ObjectSchema schema, boolean custom, boolean statusSubresource) {
        this(gvk, schema, custom, statusSubresource, Cluster.EMPTY);
    }

    /**
     * The strategy of a kind within a cluster.
     *
     * @param cluster what the kind's steps may see beyond the object
     */
    public KindStrategy(
            GroupVersionKind gvk, ObjectSchema schema, boolean custom, boolean statusSubresource, Cluster cluster) {
        this.gvk = gvk;
        this.schema = schema;
        this.custom = custom;
        this.statusSubresource = statusSubresource;
        this.cluster = cluster;
        this.rules = rules(gvk, schema, custom, statusSubresource);
    }

    private static StrategyRules rules(
            GroupVersionKind gvk, ObjectSchema schema, boolean custom, boolean statusSubresource) {
        if (schema == null) {
            // Nobody declared the kind: stored as given, with the emulator's generic rules.
            return new StrategyRules(
                    statusSubresource ? StatusRule.KEPT_ON_CREATE : StatusRule.ORDINARY,
                    StatusWrite.ALL_BUT_STATUS,
                    GenerationRule.UNDECLARED,
                    KindHook.NONE);
        }
        if (custom) {
            return statusSubresource
                    ? new StrategyRules(
                            StatusRule.DROPPED_ON_CREATE,
                            StatusWrite.ALL_BUT_STATUS,
                            GenerationRule.onChangeOfAllBut("metadata", "status"),
                            KindHook.NONE)
                    : new StrategyRules(
                            StatusRule.ORDINARY,
                            StatusWrite.ALL_BUT_STATUS,
                            GenerationRule.onChangeOfAllBut("metadata"),
                            KindHook.NONE);
        }
        return BuiltinKinds.of(gvk.group(), gvk.kind());
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

    /** What the kind's steps see beyond the object. */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * A create of the main resource, once the object has its name, uid and creationTimestamp: the status a client
     * may not set is reset (to the zero status, or the kind's initial one) or dropped, then the kind's own steps run.
     */
    public Map<String, Object> prepareForCreate(Map<String, Object> object) {
        Object given = object.get("status");
        switch (rules.status()) {
            case RESET -> {
                if (schema != null && schema.field("status") != null) {
                    object.put("status", new LinkedHashMap<>());
                }
            }
            case DROPPED_ON_CREATE -> object.remove("status");
            default -> {
                // the given status stays
            }
        }
        rules.hook().prepareForCreate(cluster, object, given);
        if (rules.status() == StatusRule.RESET && object.get("status") instanceof Map<?, ?> status) {
            object.put("status", goShaped(status));
        }
        return object;
    }

    /** An update of the main resource: a status the kind resets is the stored one, then the kind's own steps run. */
    public Map<String, Object> prepareForUpdate(Map<String, Object> current, Map<String, Object> object) {
        Map<String, Object> result =
                rules.status() == StatusRule.ORDINARY ? object : StatusSubresource.keepStatus(current, object);
        rules.hook().prepareForUpdate(cluster, current, result);
        return result;
    }

    /** An update through {@code /status}: the new status, with what the kind keeps of the stored object. */
    public Map<String, Object> prepareForStatusUpdate(Map<String, Object> current, Map<String, Object> object) {
        Map<String, Object> result =
                switch (rules.statusWrite()) {
                    case ALL_BUT_STATUS -> StatusSubresource.onlyStatus(current, object);
                    case SPEC -> StatusSubresource.keepStored(current, object, "spec");
                    case SPEC_AND_LABELS -> StatusSubresource.keepStored(current, object, "spec", "metadata.labels");
                    case SPEC_AND_METADATA ->
                        StatusSubresource.keepStored(
                                current,
                                object,
                                "spec",
                                "metadata.labels",
                                "metadata.annotations",
                                "metadata.finalizers",
                                "metadata.ownerReferences");
                };
        rules.hook().prepareForStatusUpdate(cluster, current, result);
        return result;
    }

    /** Whether the kind's objects carry a {@code metadata.generation}. */
    public boolean countsGenerations() {
        return rules.generations().counts();
    }

    /** How the kind counts {@code metadata.generation}. */
    public GenerationRule generations() {
        return rules.generations();
    }

    /** A status as Go writes the kind's status struct: zero values filled, empty optional fields left out. */
    private Map<String, Object> goShaped(Map<?, ?> status) {
        if (schema == null || !(schema.field("status").schema() instanceof ObjectSchema type)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> given = (Map<String, Object>) status;
            return given;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> given = (Map<String, ?>) status;
        return TypedDecoder.decode(type, given, true, gvk).object();
    }
}
