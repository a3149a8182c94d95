package kmock.internal.criteria;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import kmock.internal.json.Json;

/**
 * The lines of near-miss reports, one per difference, all shaped {@code what: expected X, got Y}, so that a
 * report reads the same whatever the criterion: {@code method: expected POST, got GET},
 * {@code header Idempotency-Key: expected abc, got (absent)}.
 */
public final class Mismatches {

    /** How an absent value reads. */
    static final String ABSENT = "(absent)";

    private static final int MAX_TEXT = 120;

    private Mismatches() {}

    /** A line for a compared value: strings exactly, patterns fully, "any" when present, {@code null} when absent. */
    static String line(String label, Object expected, String actual) {
        return label + ": expected " + expected(expected) + ", got " + (actual == null ? ABSENT : actual);
    }

    /** A line with both sides already rendered. */
    static String rendered(String label, String expected, String actual) {
        return label + ": expected " + expected + ", got " + actual;
    }

    /** An expected value as reports show it. */
    static String expected(Object expected) {
        if (expected == Values.ANY) {
            return "any value";
        }
        if (expected == null) {
            return ABSENT;
        }
        if (expected instanceof Pattern pattern) {
            return "a match of /" + pattern.pattern() + "/";
        }
        return expected.toString();
    }

    /** A body as reports show it: quoted UTF-8 text, shortened, or its size when it is not text. */
    static String body(byte[] body) {
        if (body == null || body.length == 0) {
            return "no body";
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return quoted(text);
        } catch (CharacterCodingException binary) {
            return body.length + " bytes, not UTF-8 text";
        }
    }

    /** Text quoted as a JSON string, shortened past {@value #MAX_TEXT} characters. */
    static String quoted(String text) {
        return Json.toText(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…");
    }
}
