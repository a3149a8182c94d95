package kmock.handlers;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.json.Json;
import kmock.internal.k8s.store.PartialMatch;

/**
 * A snapshot of one stored object: a read-only {@code Map} equal to its latest version, plus its whole history.
 * A soft-deleted object ({@link #deleted()}) reads as its last state before the deletion. The static
 * {@link #matches}/{@link #assertMatches} compare any JSON value partially, for assertions on responses too:
 * {@code KObject.assertMatches(Map.of("spec", Map.of("replicas", 3)), kmock.objects().get("apps/v1/deployments", "ns", "web"))}.
 *
 * @since 0.1
 */
public final class KObject extends AbstractMap<String, Object> {

    private final List<Map<String, Object>> history;
    private final Map<String, Object> state;

    /** A snapshot of a history of frozen versions ({@code null}: a deletion marker), oldest first. */
    KObject(List<Map<String, Object>> history) {
        this.history = Collections.unmodifiableList(history);
        Map<String, Object> last = Map.of();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) != null) {
                last = history.get(i);
                break;
            }
        }
        this.state = last;
    }

    /** Every version, oldest first; a {@code null} entry marks a deletion through the API. */
    public List<Map<String, Object>> history() {
        return history;
    }

    /**
     * One version: {@code 0} is the first, {@code -1} the latest; {@code null} for a deletion marker.
     *
     * @throws IndexOutOfBoundsException when the history has no such version
     */
    public Map<String, Object> version(int index) {
        int at = index < 0 ? history.size() + index : index;
        if (at < 0 || at >= history.size()) {
            throw new IndexOutOfBoundsException("Version " + index + " of an object with " + history.size()
                    + " versions; use 0.." + (history.size() - 1) + " or -1..-" + history.size());
        }
        return history.get(at);
    }

    /** Whether the object is soft-deleted: its history ends with a deletion marker. */
    public boolean deleted() {
        return history.isEmpty() || history.get(history.size() - 1) == null;
    }

    /**
     * Whether some versions match the patterns, each pattern a different version, in any order (a {@code null}
     * pattern matches a deletion marker). See {@link #matches} for how one version matches one pattern.
     */
    public boolean historyContains(List<?> patterns) {
        return PartialMatch.containsAll(history, patterns);
    }

    /**
     * Partial comparison: a map pattern matches a map having at least its keys with matching values (recursively),
     * a list pattern a list of the same length element by element, {@code Criteria.ANY} any present value, a
     * {@code java.util.regex.Pattern} a fully matching string, {@code null} a null or absent value; numbers compare
     * by value, anything else by equality.
     */
    public static boolean matches(Object actual, Object pattern) {
        return PartialMatch.matches(actual, pattern);
    }

    /**
     * Asserts that {@code actual} {@linkplain #matches matches} {@code pattern}.
     *
     * @throws AssertionError naming the first difference with its JSON path, such as
     *                        {@code $.spec.items[2].name: expected "a" but was "b"}
     */
    public static void assertMatches(Object pattern, Object actual) {
        String difference = PartialMatch.difference(actual, pattern);
        if (difference != null) {
            throw new AssertionError(difference);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return state.entrySet();
    }

    @Override
    public Object get(Object key) {
        return state.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return state.containsKey(key);
    }

    @Override
    public int size() {
        return state.size();
    }

    /** The latest state as JSON (with a note when deleted). */
    @Override
    public String toString() {
        return Json.toText(state) + (deleted() ? " (deleted)" : "");
    }
}
