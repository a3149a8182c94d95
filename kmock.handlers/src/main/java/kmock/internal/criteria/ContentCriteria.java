package kmock.internal.criteria;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import kmock.api.Request;
import kmock.internal.json.Json;

/**
 * Criteria on the request body: exact bytes, a pattern of its text, or its parsed JSON; their mismatches show the
 * body that arrived, and for JSON the first path where it differs.
 */
public final class ContentCriteria {

    private ContentCriteria() {}

    /** The exact body; {@code null} means no body. */
    public static Criterion body(byte[] expected) {
        String describe = expected == null ? "no body" : "body[" + expected.length + " bytes]";
        return new Criterion.Simple(
                describe,
                request -> expected == null ? request.body().length == 0 : Arrays.equals(expected, request.body()),
                true,
                null,
                null,
                request -> Mismatches.rendered("body", Mismatches.body(expected), Mismatches.body(request.body())));
    }

    /** A pattern that the whole body text (UTF-8) must match. */
    public static Criterion text(Pattern text) {
        return new Criterion.Simple(
                "text~" + text,
                request -> text.matcher(request.text()).matches(),
                true,
                null,
                null,
                request -> Mismatches.rendered("body", Mismatches.expected(text), Mismatches.body(request.body())));
    }

    /** The body parsed as JSON equals this value; {@code null} means no JSON body. */
    public static Criterion data(Object data) {
        Object expected = data == null ? null : Json.parse(Json.write(data));
        return new Criterion.Simple(
                "data=" + (expected == null ? null : Json.toText(expected)),
                request -> Objects.equals(expected, request.data()),
                true,
                null,
                null,
                request -> jsonMismatch(expected, request));
    }

    private static String jsonMismatch(Object expected, Request request) {
        Object actual = request.data();
        if (expected == null) {
            return Mismatches.rendered("body JSON", "none", Json.toText(actual));
        }
        if (actual == null) {
            return Mismatches.rendered(
                    "body JSON",
                    Json.toText(expected),
                    request.body().length == 0 ? "no body" : "no JSON: " + Mismatches.body(request.body()));
        }
        return "body JSON " + JsonDifference.first(expected, actual);
    }
}
