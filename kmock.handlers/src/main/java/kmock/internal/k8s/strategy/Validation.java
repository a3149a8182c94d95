package kmock.internal.k8s.strategy;

import java.util.Map;

/**
 * The API server's validation of an object about to be stored: names, required fields, enums, immutable fields and
 * a custom resource's schema constraints; every problem found is one cause of a {@code 422 Invalid}.
 */
public final class Validation {

    private Validation() {
    }

    /**
     * Validates a create ({@code current == null}) or an update.
     *
     * @throws kmock.internal.k8s.store.KubernetesException 422 with one cause per problem
     */
    public static void validate(KindStrategy strategy, Map<String, Object> object, Map<String, Object> current) {
        // Filled in by the validation work.
    }
}
