package kmock.handlers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * Expected objects spelled out as JSON in a test, with the values only the server can know (uid, timestamps,
 * allocated IPs) written as {@code <name>} and filled in from the answer.
 */
final class ExpectedJson {

    private ExpectedJson() {}

    /** A JSON text as plain maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The expected object: the JSON with every {@code "<name>"} replaced by the JSON of the named value. */
    static Map<String, Object> expected(String json, Map<String, ?> values) {
        String text = json;
        for (Map.Entry<String, ?> value : values.entrySet()) {
            text = text.replace(
                    "\"<" + value.getKey() + ">\"", new String(Json.write(value.getValue()), StandardCharsets.UTF_8));
        }
        return parse(text);
    }

    /** A value at a path of maps (and list indexes). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object object, String... path) {
        Object current = object;
        for (String step : path) {
            current = current instanceof java.util.List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
