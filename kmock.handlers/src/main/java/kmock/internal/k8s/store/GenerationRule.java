package kmock.internal.k8s.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a kind's objects carry {@code metadata.generation}, and which changes bump it, as the kind's registry
 * strategy decides: kinds that count generations start at 1 and go up by one on an update that changes one of the
 * compared parts; other kinds keep the generation a create gave (usually none) and never change it, as the API
 * server's update path restores the stored value before the strategy runs.
 */
public final class GenerationRule {

    /** Kinds that do not count generations: ConfigMaps, Secrets, Namespaces, Pods in 1.32, and the like. */
    public static final GenerationRule NONE = new GenerationRule(false, List.of(), Set.of());

    /**
     * Resources nobody declared a schema for: 1 on create, bumped by a change to anything but {@code metadata},
     * {@code status}, {@code apiVersion} and {@code kind}.
     */
    public static final GenerationRule UNDECLARED =
            new GenerationRule(true, List.of(), Set.of("metadata", "status", "apiVersion", "kind"));

    private final boolean counts;
    private final List<List<String>> compared;
    private final Set<String> ignored;

    private GenerationRule(boolean counts, List<List<String>> compared, Set<String> ignored) {
        this.counts = counts;
        this.compared = compared;
        this.ignored = ignored;
    }

    /**
     * Counts generations, bumped when one of the given parts changes.
     *
     * @param paths dotted paths, e.g. {@code spec} or {@code metadata.annotations}
     */
    public static GenerationRule onChangeOf(String... paths) {
        return new GenerationRule(
                true,
                java.util.Arrays.stream(paths).map(p -> List.of(p.split("\\."))).toList(),
                Set.of());
    }

    /** Counts generations, bumped when any top-level field but the given ones changes. */
    public static GenerationRule onChangeOfAllBut(String... topLevelFields) {
        return new GenerationRule(true, List.of(), Set.of(topLevelFields));
    }

    /** Whether objects carry a generation at all. */
    public boolean counts() {
        return counts;
    }

    /** Whether an update from {@code before} to {@code after} bumps the generation. */
    public boolean bumps(Map<String, ?> before, Map<String, ?> after) {
        if (!counts) {
            return false;
        }
        if (!compared.isEmpty()) {
            return compared.stream().anyMatch(path -> !JsonTree.same(at(before, path), at(after, path)));
        }
        for (Map.Entry<String, ?> entry : before.entrySet()) {
            String key = entry.getKey();
            if (!ignored.contains(key)
                    && (!after.containsKey(key) || !JsonTree.same(entry.getValue(), after.get(key)))) {
                return true;
            }
        }
        return after.keySet().stream().anyMatch(key -> !ignored.contains(key) && !before.containsKey(key));
    }

    private static Object at(Map<String, ?> object, List<String> path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
