package kmock.internal.k8s.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities read exactly, and rounded up to milli precision as resource lists are defaulted. */
class QuantityTest {

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
