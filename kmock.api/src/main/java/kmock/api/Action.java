package kmock.api;

import java.util.Locale;

/**
 * The Kubernetes verb a request performs, derived from its HTTP method and URL: {@code GET} of a collection is
 * {@link #LIST} (or {@link #WATCH} with {@code watch=true}), of an object {@link #FETCH}; {@code POST} is
 * {@link #CREATE}; {@code PUT} and {@code PATCH} are {@link #UPDATE}; {@code DELETE} is {@link #DELETE}.
 *
 * @since 0.1
 */
public enum Action {
    LIST,
    WATCH,
    FETCH,
    CREATE,
    UPDATE,
    DELETE;

    /** The action for a name in any case, or {@code null} when the name is not an action. */
    public static Action lookup(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
