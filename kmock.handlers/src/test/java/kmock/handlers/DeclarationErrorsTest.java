package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Mis-declarations fail at once, saying what is accepted and how to wrap the value. */
class DeclarationErrorsTest {

    private final RawHandler kmock = new RawHandler();

    private String failure(Object... criteria) {
        return assertThrows(IllegalArgumentException.class, () -> kmock.on(criteria))
                .getMessage();
    }

    @Test
    void aMisspeltMethodSuggestsTheClosestWord() {
        String message = failure("gett");
        assertTrue(message.contains("'gett'") && message.contains("Did you mean 'get'?"), message);
        assertTrue(message.contains("Criteria.method(\"…\")"), message);
    }

    @Test
    void aMisspeltActionSuggestsTheClosestWord() {
        String message = failure("lst pods.v1");
        assertTrue(message.contains("Did you mean 'list'?"), message);
    }

    @Test
    void anUnknownWordListsTheFormsAndHowToWrap() {
        String message = failure("whatever");
        assertTrue(message.contains("paths starting with '/'") && message.contains("Criteria.path(\"…\")"), message);
    }

    @Test
    void setsAreReserved() {
        assertTrue(failure(Set.of("/a")).contains("reserved"));
    }

    @Test
    void listsAndOtherTypesAreRefused() {
        assertTrue(failure(List.of("/a")).contains("not a criterion"));
        assertTrue(failure(42).contains("Not a criterion: 42"));
        assertTrue(failure((Object) null).contains("Not a criterion: null"));
    }

    @Test
    void mapValuesMustBeStringsPatternsOrAny() {
        String message = failure(Map.of("q", new Object()));
        assertTrue(message.contains("Criteria.ANY"), message);
    }

    @Test
    void aParamsMapWithHeaderLikeKeysPointsToCriteriaHeaders() {
        String message = failure(Map.of("Idempotency-Key", "k1"));
        assertTrue(message.contains("'Idempotency-Key' looks like a header name"), message);
        assertTrue(message.contains("Criteria.headers(Map.of(\"Idempotency-Key\", …))"), message);
        assertTrue(failure(Map.of("Accept", "application/json", "page", "2"))
                .contains("'Accept' looks like a header name"));
    }

    @Test
    void lowerCaseKeysAndExplicitParamsStayQueryParameters() {
        assertDoesNotThrow(() -> kmock.on(Map.of("date", "2024-01-01", "page-size", "10")));
        assertDoesNotThrow(() -> kmock.on(Criteria.params(Map.of("Idempotency-Key", "k1"))));
    }

    @Test
    void badSlicesAndHeaderStringsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> kmock.slice(3, 1));
        assertThrows(IllegalArgumentException.class, () -> kmock.slice(0, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> Criteria.headers("no colon here"));
        assertThrows(IllegalArgumentException.class, () -> Criteria.resource("not a/resource/at/all"));
    }

    @Test
    void anUnattachedHandlerSaysHowToStartAServer() {
        String message =
                assertThrows(IllegalStateException.class, () -> kmock.get("/")).getMessage();
        assertTrue(message.contains("Server.builder(handler).start()"), message);
    }
}
