package kmock.internal.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable, case-insensitive header map held in two arrays: names in case-insensitive order (as a
 * {@code TreeMap} with {@link String#CASE_INSENSITIVE_ORDER} iterates them, each in the case first given) and
 * their values, a {@code String} for the usual single value, else an immutable list. Every request of a handler's
 * log keeps one, so it is the smallest form of the map that still answers lookups.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {

    static final HeaderMap EMPTY = new HeaderMap(new String[0], new Object[0]);

    /**
     * Recent header maps by content: a client sends the same headers again and again, and a log of its requests
     * keeps one map for all of them. A newer map takes its slot from an older one.
     */
    private static final HeaderMap[] RECENT = new HeaderMap[256];

    private final String[] names;
    private final Object[] values;

    private HeaderMap(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A copy of a map whose keys are distinct ignoring case and already in case-insensitive order, such as a
     * {@code TreeMap} with that comparator; empty lists are dropped.
     */
    static HeaderMap ofSorted(Map<String, ? extends List<String>> sorted) {
        String[] names = new String[sorted.size()];
        Object[] values = new Object[sorted.size()];
        int n = 0;
        for (Map.Entry<String, ? extends List<String>> entry : sorted.entrySet()) {
            List<String> given = entry.getValue();
            if (given != null && !given.isEmpty()) {
                names[n] = SharedStrings.of(entry.getKey());
                values[n] = given.size() == 1 ? SharedStrings.of(Objects.requireNonNull(given.get(0))) : shared(given);
                n++;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        HeaderMap made = new HeaderMap(
                n == names.length ? names : Arrays.copyOf(names, n),
                n == values.length ? values : Arrays.copyOf(values, n));
        int slot = (Arrays.hashCode(made.names) * 31 + Arrays.hashCode(made.values)) & (RECENT.length - 1);
        HeaderMap known = RECENT[slot];
        if (known != null && Arrays.equals(known.names, made.names) && Arrays.equals(known.values, made.values)) {
            return known;
        }
        RECENT[slot] = made;
        return made;
    }

    private static List<String> shared(List<String> values) {
        String[] copy = new String[values.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = SharedStrings.of(values.get(i));
        }
        return List.of(copy);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String name)) {
            return -1;
        }
        int low = 0;
        int high = names.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = String.CASE_INSENSITIVE_ORDER.compare(names[middle], name);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    @Override
    public List<String> get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : valuesAt(at);
    }

    /** The first value under a name, or {@code null}; no list is made for it. */
    @SuppressWarnings("unchecked")
    String first(String name) {
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        Object value = values[at];
        return value instanceof String one ? one : ((List<String>) value).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> valuesAt(int at) {
        Object value = values[at];
        return value instanceof String one ? List.of(one) : (List<String>) value;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<String>>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, List<String>> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(names[at], valuesAt(at));
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
