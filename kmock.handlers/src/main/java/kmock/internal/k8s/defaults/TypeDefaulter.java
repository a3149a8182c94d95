package kmock.internal.k8s.defaults;

import java.util.Map;

/**
 * The defaulting function of one Go type ({@code SetDefaults_PodSpec} and the like), applied in place to every
 * object of that type in a decoded object, before the types it holds.
 */
@FunctionalInterface
interface TypeDefaulter {

    /** Sets the type's defaults on one of its objects. */
    void apply(Map<String, Object> object);
}
