package kmock.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What discovery says about one resource: kind, singular name, short names, categories, verbs, subresources and
 * scope. Live and mutable ({@code info.kind("Pod").namespaced(true)}); thread-safe. Unset kind and singular are
 * derived when served: the kind from the capitalised plural, the singular from the plural (as the original does).
 *
 * @since 0.1
 */
public final class ResourceInfo {

    /** The keys a map given to {@code resources().put(spec, map)} may have. */
    public static final Set<String> KEYS = Set.of("kind", "singular", "shortNames", "categories", "verbs", "subresources", "namespaced");

    /** The verbs of a resource whose verbs were never set: everything an emulator serves. */
    public static final List<String> ALL_VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private String kind;
    private String singular;
    private List<String> shortNames = List.of();
    private List<String> categories = List.of();
    private List<String> verbs = List.of();
    private List<String> subresources = List.of();
    private boolean namespaced = true;

    /** An empty description: namespaced, every verb, no subresources. */
    public ResourceInfo() {
    }

    /** A description from a map with the keys of {@link #KEYS}. @throws IllegalArgumentException for other keys */
    public static ResourceInfo of(Map<String, ?> fields) {
        ResourceInfo info = new ResourceInfo();
        fields.forEach((key, value) -> {
            switch (key) {
                case "kind" -> info.kind((String) value);
                case "singular" -> info.singular((String) value);
                case "shortNames" -> info.shortNames(strings(key, value));
                case "categories" -> info.categories(strings(key, value));
                case "verbs" -> info.verbs(strings(key, value));
                case "subresources" -> info.subresources(strings(key, value));
                case "namespaced" -> info.namespaced(Boolean.TRUE.equals(value));
                default -> throw new IllegalArgumentException("Unknown resource field '" + key + "'; the fields are " + KEYS);
            }
        });
        return info;
    }

    private static List<String> strings(String key, Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("Resource field '" + key + "' must be a list of strings, got " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** The kind, or {@code null} when unset. */
    public synchronized String kind() {
        return kind;
    }

    /** Sets the kind. */
    public synchronized ResourceInfo kind(String kind) {
        this.kind = kind;
        return this;
    }

    /** The singular name, or {@code null} when unset. */
    public synchronized String singular() {
        return singular;
    }

    /** Sets the singular name. */
    public synchronized ResourceInfo singular(String singular) {
        this.singular = singular;
        return this;
    }

    /** Short names such as {@code cm}. */
    public synchronized List<String> shortNames() {
        return shortNames;
    }

    /** Sets the short names. */
    public synchronized ResourceInfo shortNames(List<String> shortNames) {
        this.shortNames = List.copyOf(shortNames);
        return this;
    }

    /** Categories such as {@code all}. */
    public synchronized List<String> categories() {
        return categories;
    }

    /** Sets the categories. */
    public synchronized ResourceInfo categories(List<String> categories) {
        this.categories = List.copyOf(categories);
        return this;
    }

    /** Verbs; empty means all of {@link #ALL_VERBS}. */
    public synchronized List<String> verbs() {
        return verbs;
    }

    /** Sets the verbs. */
    public synchronized ResourceInfo verbs(List<String> verbs) {
        this.verbs = List.copyOf(verbs);
        return this;
    }

    /** Subresources such as {@code status}, {@code scale}. */
    public synchronized List<String> subresources() {
        return subresources;
    }

    /** Sets the subresources. */
    public synchronized ResourceInfo subresources(List<String> subresources) {
        this.subresources = List.copyOf(subresources);
        return this;
    }

    /** Whether objects live in namespaces. */
    public synchronized boolean namespaced() {
        return namespaced;
    }

    /** Sets the scope. */
    public synchronized ResourceInfo namespaced(boolean namespaced) {
        this.namespaced = namespaced;
        return this;
    }

    /** The kind to serve: the set one, else the capitalised singular or plural. */
    public synchronized String kindFor(String plural) {
        if (kind != null) {
            return kind;
        }
        String base = singular != null ? singular : plural;
        return base.isEmpty() ? base : base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
    }

    /** The singular to serve: the set one, else the plural. */
    public synchronized String singularFor(String plural) {
        return singular != null ? singular : plural;
    }

    /** The fields as a map with the keys of {@link #KEYS}. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("singular", singular);
        map.put("shortNames", new ArrayList<>(shortNames));
        map.put("categories", new ArrayList<>(categories));
        map.put("verbs", new ArrayList<>(verbs));
        map.put("subresources", new ArrayList<>(subresources));
        map.put("namespaced", namespaced);
        return map;
    }

    @Override
    public String toString() {
        return "ResourceInfo" + toMap();
    }
}
