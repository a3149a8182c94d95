package kmock.internal.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Durations read as Go's time.Duration.String() writes them. */
class GoDurationTest {

    @Test
    void everyUnitAndFractionIsWrittenAsGoDoes() {
        assertEquals("0s", GoDuration.format(0));
        assertEquals("7ns", GoDuration.format(7));
        assertEquals("1.5µs", GoDuration.format(1_500));
        assertEquals("250ms", GoDuration.format(250_000_000));
        assertEquals("1.000001ms", GoDuration.format(1_000_001));
        assertEquals("1s", GoDuration.format(1_000_000_000L));
        assertEquals("1.5s", GoDuration.format(1_500_000_000L));
        assertEquals("1m0s", GoDuration.format(60_000_000_000L));
        assertEquals("1h0m0s", GoDuration.format(3_600_000_000_000L));
        assertEquals("26h3m4.000000005s", GoDuration.format(((26 * 60 + 3) * 60 + 4) * 1_000_000_000L + 5));
        assertEquals("-1.5s", GoDuration.format(-1_500_000_000L));
    }

    @Test
    void theExtremesDoNotOverflow() {
        assertEquals("2562047h47m16.854775807s", GoDuration.format(Long.MAX_VALUE));
        assertEquals("-2562047h47m16.854775808s", GoDuration.format(Long.MIN_VALUE));
    }
}
