package kmock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How a command's flags are read, and what a command line that cannot be read is told. */
class ArgumentsTest {

    /** Flags of every kind, as serve and fetch resources declare theirs. */
    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(
                List.of(args),
                Set.of("host", "port", "resources", "include", "exclude"),
                Set.of("tls", "verbose"),
                Set.of("controllers"),
                Map.of("p", "port", "v", "verbose"));
    }

    private static String refusal(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void aFlagTakesTheNextArgumentAsItsValue() throws Exception {
        assertEquals("0.0.0.0", parse("--host", "0.0.0.0").get("host", null));
    }

    @Test
    void aFlagTakesTheTextAfterItsEqualsSignAsItsValue() throws Exception {
        Arguments flags = parse("--host=0.0.0.0", "--resources=a=b.json");
        assertEquals("0.0.0.0", flags.get("host", null));
        assertEquals("a=b.json", flags.get("resources", null), "only the first '=' separates");
    }

    @Test
    void aShortAliasStandsForItsLongFlag() throws Exception {
        Arguments flags = parse("-p", "8080", "-v");
        assertEquals(8080, flags.port("port", 12345));
        assertTrue(flags.has("verbose"));
    }

    @Test
    void aRepeatedFlagKeepsEveryValueAndItsLastOneIsTheValue() throws Exception {
        Arguments flags = parse("--resources", "bundled", "--resources", "extra.json");
        assertEquals(List.of("bundled", "extra.json"), flags.all("resources"));
        assertEquals("extra.json", flags.get("resources", null));
    }

    @Test
    void aSwitchIsTrueWhenGivenAndAbsentOtherwise() throws Exception {
        Arguments flags = parse("--tls");
        assertTrue(flags.has("tls"));
        assertEquals("true", flags.get("tls", null));
        assertFalse(flags.has("verbose"));
    }

    @Test
    void anAbsentFlagHasItsDefaultAndNoValues() throws Exception {
        Arguments flags = parse();
        assertEquals("127.0.0.1", flags.get("host", "127.0.0.1"));
        assertEquals(List.of(), flags.all("resources"));
        assertEquals(12345, flags.port("port", 12345));
    }

    @Test
    void anOptionalValueIsTheNextArgumentUnlessThatIsAFlag() throws Exception {
        assertEquals("*,-cronjob", parse("--controllers", "*,-cronjob").get("controllers", null));
        assertEquals("job", parse("--controllers=job").get("controllers", null));
        Arguments followed = parse("--controllers", "--tls");
        assertEquals("", followed.get("controllers", null));
        assertTrue(followed.has("tls"));
        assertEquals("", parse("--controllers").get("controllers", null));
    }

    @Test
    void aLoneDashIsAValueSuchAsStandardOutput() throws Exception {
        assertEquals("-", parse("--resources", "-").get("resources", null));
    }

    @Test
    void everyFlagIsListedInTheOrderGiven() throws Exception {
        Arguments flags = parse("--include", "core", "--exclude", "batch", "-v", "--include", "batch/v1");
        assertEquals(List.of("include=core", "exclude=batch", "verbose=true", "include=batch/v1"), flags.ordered());
    }

    @Test
    void portsFromZeroTo65535AreAccepted() throws Exception {
        assertEquals(0, parse("--port", "0").port("port", 12345));
        assertEquals(65535, parse("--port", "65535").port("port", 12345));
    }

    @Test
    void anUnknownFlagIsRefusedWithTheFlagsTheCommandTakes() {
        assertEquals(
                "unknown flag --bogus; this command takes --controllers, --exclude, --host, --include, --port,"
                        + " --resources, --tls, --verbose",
                refusal("--bogus"));
    }

    @Test
    void anUnknownShortFlagIsRefusedWithTheShortFlags() {
        assertEquals("unknown flag -x; the short flags are -p (--port), -v (--verbose)", refusal("-x"));
    }

    @Test
    void aCommandWithoutShortFlagsSaysToGiveTheLongName() {
        UsageException refused = assertThrows(
                UsageException.class, () -> Arguments.parse(List.of("-o"), Set.of("output"), Set.of(), Map.of()));
        assertEquals("unknown flag -o; the short flags are none: give the long name, as --name", refused.getMessage());
    }

    @Test
    void anArgumentOutsideAFlagIsRefusedWithHowToGiveAValue() {
        assertEquals(
                "unexpected argument 'stray': give values after their flag, as --name VALUE or --name=VALUE",
                refusal("--tls", "stray"));
    }

    @Test
    void aFlagWithoutItsValueIsRefusedWithBothWaysToGiveOne() {
        String expected = "--host needs a value: --host VALUE or --host=VALUE";
        assertEquals(expected, refusal("--host"));
        assertEquals(expected, refusal("--host", "--tls"), "a flag is not a value");
    }

    @Test
    void aSwitchWithAValueIsRefusedWithHowToGiveIt() {
        assertEquals("--tls takes no value: give it alone, as --tls", refusal("--tls=yes"));
    }

    @Test
    void aPortOutsideTheRangeOrNotANumberIsRefusedWithTheRange() {
        for (String port : List.of("65536", "-1", "http")) {
            UsageException refused = assertThrows(
                    UsageException.class, () -> parse("--port=" + port).port("port", 12345));
            assertEquals(
                    "--port must be a port number 0..65535 (0 picks a free one), got '" + port + "'",
                    refused.getMessage());
        }
    }
}
