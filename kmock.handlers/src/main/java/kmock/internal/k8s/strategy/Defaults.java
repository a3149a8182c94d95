package kmock.internal.k8s.strategy;

import java.util.Map;

import kmock.internal.k8s.defaults.BuiltinDefaults;
import kmock.internal.k8s.defaults.StructuralDefaults;

/**
 * The defaults the API server sets on a decoded object: the defaulting functions and {@code +default} markers of
 * the built-in kinds, and the {@code default}s of a custom resource's structural schema. The API server defaults
 * every object it decodes — a request body and also what it reads back from storage — so a write is defaulted
 * before its strategy runs and again after, which fills what the strategy's changes call for (a Job's generated
 * labels copied to its own metadata, a claim's {@code Pending} phase); defaulting twice changes nothing more.
 */
public final class Defaults {

    private Defaults() {}

    /**
     * Sets the defaults of a kind on a decoded object, in place; kinds without a schema get none.
     *
     * @param current the stored object for an update, {@code null} for a create (no default depends on it today)
     */
    public static void apply(KindStrategy strategy, Map<String, Object> object, Map<String, Object> current) {
        if (strategy.schema() == null) {
            return;
        }
        if (strategy.custom()) {
            StructuralDefaults.apply(strategy.schema(), object);
        } else {
            BuiltinDefaults.apply(strategy.schema(), object);
        }
    }
}
