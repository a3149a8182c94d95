package kmock.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The built-in codec that kmock-api uses without kmock-handlers: plain JSON values in, plain JSON out. */
class PlainJsonCodecTest {

    private final PlainJsonCodec codec = new PlainJsonCodec();

    private Object parse(String json) {
        return codec.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private String write(Object value) {
        return new String(codec.write(value), StandardCharsets.UTF_8);
    }

    private IllegalArgumentException refused(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json));
    }

    @Test
    void objectsKeepTheirKeyOrderAndArraysTheirItems() {
        Object parsed = parse(" {\"b\": 1, \"a\": [true, false, null, \"x\"], \"c\": {}} ");
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(((Map<?, ?>) parsed).keySet()));
        assertEquals(Arrays.asList(true, false, null, "x"), ((Map<?, ?>) parsed).get("a"));
        assertEquals(Map.of(), ((Map<?, ?>) parsed).get("c"));
    }

    @Test
    void integersTakeTheSmallestFittingTypeAndFractionsAreDoubles() {
        assertEquals(42, parse("42"));
        assertEquals(-2147483648, parse("-2147483648"));
        assertEquals(4294967296L, parse("4294967296"));
        assertEquals(new BigInteger("123456789012345678901234567890"), parse("123456789012345678901234567890"));
        assertEquals(1.5, parse("1.5"));
        assertEquals(1e3, parse("1E+3"));
    }

    @Test
    void stringEscapesAreDecodedIncludingUnicode() {
        assertEquals("a\"b\\c/d\n\r\t\b\f\u00e9\u2603", parse("\"a\\\"b\\\\c\\/d\\n\\r\\t\\b\\f\\u00e9\\u2603\""));
    }

    @Test
    void writingEscapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", write("a\"b\\c\n\u0001"));
    }

    @Test
    void writtenValuesParseBackToThemselves() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "ann");
        value.put("n", 3);
        value.put("big", 4294967296L);
        value.put("ratio", 0.25);
        value.put("tags", List.of("a", "b"));
        value.put("none", null);
        value.put("nested", Map.of("ok", true));
        assertEquals(value, parse(write(value)));
    }

    @Test
    void enumsCharactersAndArraysAreWrittenAsJsonValues() {
        assertEquals(
                "[\"SECONDS\",\"c\",[1,2]]",
                write(List.of(java.util.concurrent.TimeUnit.SECONDS, 'c', new Object[] {1, 2})));
    }

    @Test
    void nanAndInfinityCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> write(Double.POSITIVE_INFINITY));
    }

    @Test
    void otherObjectsAreRefusedWithTheArtifactThatBindsThem() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> write(new Object()));
        assertTrue(failure.getMessage().contains("io.github.kmock:kmock-handlers"), failure.getMessage());
    }

    @Test
    void malformedJsonIsRefusedWithItsOffset() {
        assertEquals(
                "Malformed JSON at offset 7: expected ',' or '}'",
                refused("{\"a\":1 2}").getMessage());
        assertTrue(refused("[1,").getMessage().contains("unexpected end"));
        assertTrue(refused("\"open").getMessage().contains("unterminated string"));
        assertTrue(refused("tru").getMessage().contains("expected true"));
        assertTrue(refused("1.").getMessage().contains("expected digits after '.'"));
        assertTrue(refused("\"\\x\"").getMessage().contains("bad escape"));
        assertTrue(refused("\"a\nb\"").getMessage().contains("control character"));
        assertTrue(refused("{} {}").getMessage().contains("unexpected text after the value"));
    }

    @Test
    void nestingDeeperThanTheBoundIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertTrue(refused(deep).getMessage().contains("nested deeper than 1000"));
    }

    @Test
    void parsingToATypeAcceptsThePlainTypesOnly() {
        assertEquals(Map.of("a", 1), codec.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.class));
        assertNull(codec.parse("null".getBytes(StandardCharsets.UTF_8), String.class));
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class,
                () -> codec.parse("{}".getBytes(StandardCharsets.UTF_8), StringBuilder.class));
        assertTrue(failure.getMessage().contains("without a binding codec"), failure.getMessage());
    }

    @Test
    void outputIsUtf8() {
        assertArrayEquals("\"é\"".getBytes(StandardCharsets.UTF_8), codec.write("é"));
    }
}
