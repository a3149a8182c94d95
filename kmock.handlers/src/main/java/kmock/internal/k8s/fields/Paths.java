package kmock.internal.k8s.fields;

import java.util.List;

/** Field paths (lists of {@link PathElement}s) as the API server prints them: {@code .spec.containers[name="a"].image}. */
final class Paths {

    private Paths() {}

    /** The printed form of a path. */
    static String toString(List<PathElement> path) {
        StringBuilder out = new StringBuilder();
        path.forEach(out::append);
        return out.toString();
    }
}
