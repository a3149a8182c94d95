package kmock.handlers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Live, mutable description of one resource for discovery: kind, singular name, short names, categories, verbs,
 * subresources and scope ({@code info.kind("Pod").namespaced(true)}); thread-safe. An unset kind is served as the
 * capitalised plural and an unset singular as the plural, as the original does; these defaults are applied when
 * documents are rendered, never stored.
 *
 * @since 0.1
 */
public final class ResourceInfo {

    /** The keys of {@link #of(Map)} and {@link #toMap()}, in that order; also the names of the accessors. */
    public static final Set<String> KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("kind", "singular", "shortNames", "categories", "verbs", "subresources", "namespaced")));

    /** The verbs served for a resource whose verbs were never set: everything the emulator implements. */
    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    // Guarded by this.
    private String kind;
    private String singular;
    private List<String> shortNames = List.of();
    private List<String> categories = List.of();
    private List<String> verbs = List.of();
    private List<String> subresources = List.of();
    private boolean namespaced = true;

    /** Told of every change, so that catalogs holding this description can invalidate rendered documents. */
    private final Set<Runnable> observers = new CopyOnWriteArraySet<>();

    /** An empty description: namespaced, kind and singular unset, every verb, no subresources. */
    public ResourceInfo() {}

    /**
     * A description from a map whose keys are those of {@link #KEYS}: {@code Map.of("kind", "Foo", "namespaced", true)}.
     * A {@code null} value leaves the field at its default.
     *
     * @throws IllegalArgumentException for other keys (the message lists the valid ones) or values of the wrong type
     */
    public static ResourceInfo of(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        ResourceInfo info = new ResourceInfo();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            Object key = field.getKey();
            Object value = field.getValue();
            if (!(key instanceof String name) || !KEYS.contains(name)) {
                throw new IllegalArgumentException("Unknown resource field '" + key + "'" + suggestion(key)
                        + "; the fields are " + String.join(", ", KEYS));
            }
            if (value == null) {
                continue;
            }
            switch (name) {
                case "kind" -> info.kind(text(name, value));
                case "singular" -> info.singular(text(name, value));
                case "shortNames" -> info.shortNames(strings(name, value));
                case "categories" -> info.categories(strings(name, value));
                case "verbs" -> info.verbs(strings(name, value));
                case "subresources" -> info.subresources(strings(name, value));
                default -> {
                    if (!(value instanceof Boolean scope)) {
                        throw new IllegalArgumentException(
                                "Resource field 'namespaced' must be true or false, got " + describe(value));
                    }
                    info.namespaced(scope);
                }
            }
        }
        return info;
    }

    /** The fields as an insertion-ordered map with the keys of {@link #KEYS}; unset kind and singular are {@code null}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        synchronized (this) {
            map.put("kind", kind);
            map.put("singular", singular);
            map.put("shortNames", new ArrayList<>(shortNames));
            map.put("categories", new ArrayList<>(categories));
            map.put("verbs", new ArrayList<>(verbs));
            map.put("subresources", new ArrayList<>(subresources));
            map.put("namespaced", namespaced);
        }
        return map;
    }

    /** A detached copy of the current fields: a consistent snapshot that later changes of this one do not reach. */
    public synchronized ResourceInfo copy() {
        ResourceInfo copy = new ResourceInfo();
        copy.kind = kind;
        copy.singular = singular;
        copy.shortNames = shortNames;
        copy.categories = categories;
        copy.verbs = verbs;
        copy.subresources = subresources;
        copy.namespaced = namespaced;
        return copy;
    }

    /** The kind such as {@code Pod}, or {@code null} when unset (then {@link #kindFor} derives it). */
    public synchronized String kind() {
        return kind;
    }

    /** Sets the kind; {@code null} unsets it. */
    public ResourceInfo kind(String kind) {
        synchronized (this) {
            this.kind = kind;
        }
        return changed();
    }

    /** The singular name such as {@code pod}, or {@code null} when unset (then {@link #singularFor} derives it). */
    public synchronized String singular() {
        return singular;
    }

    /** Sets the singular name; {@code null} unsets it. */
    public ResourceInfo singular(String singular) {
        synchronized (this) {
            this.singular = singular;
        }
        return changed();
    }

    /** Short names such as {@code cm}, which {@code kubectl get cm} resolves through discovery. */
    public synchronized List<String> shortNames() {
        return shortNames;
    }

    /** Sets the short names. */
    public ResourceInfo shortNames(Collection<String> shortNames) {
        List<String> copy = List.copyOf(shortNames);
        synchronized (this) {
            this.shortNames = copy;
        }
        return changed();
    }

    /** Sets the short names. */
    public ResourceInfo shortNames(String... shortNames) {
        return shortNames(List.of(shortNames));
    }

    /** Categories such as {@code all}, which {@code kubectl get all} resolves through discovery. */
    public synchronized List<String> categories() {
        return categories;
    }

    /** Sets the categories. */
    public ResourceInfo categories(Collection<String> categories) {
        List<String> copy = List.copyOf(categories);
        synchronized (this) {
            this.categories = copy;
        }
        return changed();
    }

    /** Sets the categories. */
    public ResourceInfo categories(String... categories) {
        return categories(List.of(categories));
    }

    /** The verbs; empty means unset, and then discovery serves all of {@link #ALL_VERBS}. */
    public synchronized List<String> verbs() {
        return verbs;
    }

    /** Sets the verbs. */
    public ResourceInfo verbs(Collection<String> verbs) {
        List<String> copy = List.copyOf(verbs);
        synchronized (this) {
            this.verbs = copy;
        }
        return changed();
    }

    /** Sets the verbs. */
    public ResourceInfo verbs(String... verbs) {
        return verbs(List.of(verbs));
    }

    /** Subresource names such as {@code status} and {@code scale}, each served as {@code plural/name}. */
    public synchronized List<String> subresources() {
        return subresources;
    }

    /** Sets the subresource names. */
    public ResourceInfo subresources(Collection<String> subresources) {
        List<String> copy = List.copyOf(subresources);
        synchronized (this) {
            this.subresources = copy;
        }
        return changed();
    }

    /** Sets the subresource names. */
    public ResourceInfo subresources(String... subresources) {
        return subresources(List.of(subresources));
    }

    /** Whether objects live in namespaces ({@code true} unless set otherwise). */
    public synchronized boolean namespaced() {
        return namespaced;
    }

    /** Sets the scope: {@code false} for cluster-wide resources such as namespaces and nodes. */
    public ResourceInfo namespaced(boolean namespaced) {
        synchronized (this) {
            this.namespaced = namespaced;
        }
        return changed();
    }

    /** The kind to serve for a plural: the set one, else the capitalised plural ({@code widgets} → {@code Widgets}). */
    public synchronized String kindFor(String plural) {
        if (kind != null) {
            return kind;
        }
        return plural.isEmpty() ? plural : plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1);
    }

    /** The singular name to serve for a plural: the set one, else the plural itself. */
    public synchronized String singularFor(String plural) {
        return singular != null ? singular : plural;
    }

    @Override
    public String toString() {
        return "ResourceInfo" + toMap();
    }

    /** Registers a change observer; used by the catalogs that hold this description. */
    void observe(Runnable observer) {
        observers.add(observer);
    }

    /** Removes a change observer. */
    void unobserve(Runnable observer) {
        observers.remove(observer);
    }

    private ResourceInfo changed() {
        // Outside the lock: observers are other objects' code.
        observers.forEach(Runnable::run);
        return this;
    }

    private static String text(String key, Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("Resource field '" + key + "' must be a string, got " + describe(value));
        }
        return text;
    }

    private static List<String> strings(String key, Object value) {
        Collection<?> items = value instanceof Collection<?> collection
                ? collection
                : value instanceof String[] array ? List.of(array) : null;
        if (items == null || !items.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(
                    "Resource field '" + key + "' must be a list of strings, got " + describe(value));
        }
        return items.stream().map(String.class::cast).toList();
    }

    private static String describe(Object value) {
        return value instanceof String
                ? "\"" + value + "\""
                : value instanceof Collection<?> || value instanceof Map<?, ?>
                        ? String.valueOf(value)
                        : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String suggestion(Object key) {
        String given = String.valueOf(key).toLowerCase(Locale.ROOT);
        for (String valid : KEYS) {
            String candidate = valid.toLowerCase(Locale.ROOT);
            if (given.equals(candidate)
                    || given.startsWith(candidate)
                    || candidate.startsWith(given) && !given.isEmpty()) {
                return " (did you mean '" + valid + "'?)";
            }
        }
        return "";
    }
}
