package kmock.internal.k8s.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kmock.internal.json.Json;

/**
 * Quantities read exactly, rounded up to milli precision as resource lists are defaulted, and written in Go's
 * canonical form — checked against kubectl, which writes a {@code ResourceQuota}'s quantities through Go's
 * {@code resource.Quantity}.
 */
class QuantityTest {

    private static final List<String> FORMS = List.of(
            "0.5",
            "1000m",
            "1500",
            "2000",
            "1.5Gi",
            "1024Mi",
            "0.5Ki",
            "1e3",
            "129e6",
            "0.1Gi",
            "1.5",
            "0Mi",
            "0.0000000001",
            "1000k",
            "-1",
            "1023",
            "12e-3",
            "1.1e5",
            "100Mi",
            "3Ti",
            "2048Ki",
            "0.25",
            "1001m",
            "7n",
            "1.000000001",
            "007",
            "+1",
            "12Mi",
            "1Ki",
            "10000",
            "0.000000001",
            "5e-10",
            "1.5e3",
            "3000m",
            "100.0",
            "8Mi",
            "1Ei",
            "123456789012345678");

    @Test
    void quantitiesAreWrittenAsGoWritesThem() throws Exception {
        StringBuilder hard = new StringBuilder();
        for (int i = 0; i < FORMS.size(); i++) {
            hard.append(i == 0 ? "" : ",").append("q").append(i).append(".x=").append(FORMS.get(i));
        }
        Process kubectl = new ProcessBuilder(
                        "kubectl",
                        "create",
                        "quota",
                        "q",
                        "--hard=" + hard,
                        "--dry-run=client",
                        "-o",
                        "jsonpath={.spec.hard}")
                .redirectErrorStream(true)
                .start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl ended");
        Map<?, ?> canonical = (Map<?, ?>) Json.parse(output);
        for (int i = 0; i < FORMS.size(); i++) {
            assertEquals(
                    canonical.get("q" + i + ".x"), Quantity.parse(FORMS.get(i)).canonical(), FORMS.get(i));
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1Gi, 1073741824", "500m, 0.5", "0.5, 0.5", "2k, 2000", "1e3, 1000", "100Mi, 104857600", "-1, -1"})
    void quantitiesAreReadExactly(String text, String value) {
        assertEquals(0, new BigDecimal(value).compareTo(Quantity.parse(text).value()));
    }

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource({"0.0001, 1m", "100n, 1m", "1.5m, 2m", "1.0001, 1001m", "1, 1", "500m, 500m", "1Gi, 1Gi", "0.5, 0.5"})
    void valuesFinerThanAMilliRoundUp(String text, String rounded) {
        assertEquals(rounded, Quantity.roundedUpToMilli(text));
    }

    @Test
    void malformedQuantitiesAreNone() {
        assertEquals(null, Quantity.parse("12 apples"));
    }
}
