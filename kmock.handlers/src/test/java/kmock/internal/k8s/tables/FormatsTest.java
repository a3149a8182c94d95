package kmock.internal.k8s.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;

class FormatsTest {

    @Test
    void agesKeepTwoOrThreeSignificantFigures() {
        assertEquals("0s", Formats.humanDuration(Duration.ofMillis(-1500)), "a second of clock skew is now");
        assertEquals("<invalid>", Formats.humanDuration(Duration.ofSeconds(-3)));
        assertEquals("119s", Formats.humanDuration(Duration.ofSeconds(119)));
        assertEquals("2m", Formats.humanDuration(Duration.ofSeconds(120)));
        assertEquals("5m3s", Formats.humanDuration(Duration.ofSeconds(303)));
        assertEquals("179m", Formats.humanDuration(Duration.ofMinutes(179)));
        assertEquals("3h5m", Formats.humanDuration(Duration.ofMinutes(185)));
        assertEquals("47h", Formats.humanDuration(Duration.ofHours(47)));
        assertEquals("2d3h", Formats.humanDuration(Duration.ofHours(51)));
        assertEquals("10d", Formats.humanDuration(Duration.ofDays(10)));
        assertEquals("2y10d", Formats.humanDuration(Duration.ofDays(740)));
        assertEquals("9y", Formats.humanDuration(Duration.ofDays(365 * 9 + 20)));
    }

    @Test
    void labelSetsAreSortedByKey() {
        assertEquals("a=1,b=2", Formats.labels(Map.of("b", "2", "a", "1")));
        assertEquals("<none>", Formats.labels(Map.of()));
    }

    @Test
    void labelSelectorsReadAsSelectorStrings() {
        Fields selector = new Fields(Json.parse("{\"matchLabels\":{\"app\":\"web\"},\"matchExpressions\":["
                + "{\"key\":\"tier\",\"operator\":\"In\",\"values\":[\"b\",\"a\"]},"
                + "{\"key\":\"gone\",\"operator\":\"DoesNotExist\"},{\"key\":\"env\",\"operator\":\"Exists\"}]}"));
        assertEquals("app=web,env,!gone,tier in (a,b)", Formats.selectorString(selector));
        assertEquals("<none>", Formats.labelSelector(new Fields(Map.of())));
        assertEquals("", Formats.selectorString(new Fields(null)));
        assertEquals(
                "<error>",
                Formats.selectorString(
                        new Fields(Map.of("matchExpressions", List.of(Map.of("key", "k", "operator", "Near"))))));
    }
}
