package kmock.internal.payloads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kmock.api.Payload;
import kmock.internal.streams.LiveHub;

/** Bad payloads fail when they are declared (or fed), with a message that quotes them and says how to wrap them. */
class DeclarationErrorsTest {

    private static final class Pojo {
        @Override
        public String toString() {
            return "a pojo";
        }
    }

    /** An exception class that cannot be made by reflection. */
    public abstract static class AbstractFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void objectOfNoSupportedKindFailsAtAddWithAHintToWrapIt() {
        Responder responder = new Responder(new LiveHub());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> responder.add(new Pojo()));
        assertTrue(error.getMessage().contains("'a pojo'"), error.getMessage());
        assertTrue(error.getMessage().contains("Payload.json(value)"), error.getMessage());
        assertTrue(error.getMessage().contains("Payload.text(string)"), error.getMessage());
        assertTrue(error.getMessage().contains("Payload.body(bytes)"), error.getMessage());
        assertTrue(responder.isEmpty(), "nothing of the failed call was added");
    }

    @Test
    void failedAddKeepsNoneOfItsOtherPayloads() {
        Responder responder = new Responder(new LiveHub());
        assertThrows(IllegalArgumentException.class, () -> responder.add(200, "fine", 'c'));
        assertTrue(responder.isEmpty());
    }

    @Test
    void charactersAndEnumsMustBeWrappedToBeSent() {
        Responder responder = new Responder(new LiveHub());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> responder.add('x'))
                .getMessage()
                .contains("'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> responder.add(Thread.State.NEW))
                .getMessage()
                .contains("java.lang.Thread$State"));
    }

    @Test
    void classThatIsNoExceptionIsRefused() {
        Responder responder = new Responder(new LiveHub());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> responder.add(String.class));
        assertTrue(error.getMessage().contains("exception class"), error.getMessage());
    }

    @Test
    void exceptionClassThatCannotBeMadeIsRefusedWithTheAdviceToPassAnInstance() {
        Responder responder = new Responder(new LiveHub());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> responder.add(AbstractFailure.class));
        assertTrue(error.getMessage().contains("Pass an exception instance"), error.getMessage());
    }

    @Test
    void badItemInsideAReplayableStreamFailsAtAdd() {
        Responder responder = new Responder(new LiveHub());
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> responder.add(Payload.stream("ok", new Pojo())));
        assertTrue(error.getMessage().contains("'a pojo'"), error.getMessage());
    }

    @Test
    void badFedItemFailsAtFeedEvenWhenNoStreamWaits() {
        LiveHub hub = new LiveHub();
        Responder responder = new Responder(hub);
        assertThrows(IllegalArgumentException.class, () -> responder.feed("ok", new Pojo()));
        assertThrows(IllegalArgumentException.class, () -> hub.feed(List.of(1), new Object()));
    }

    @Test
    void nullAddsNothingSoTheReactionStaysASpy() {
        Responder responder = new Responder(new LiveHub());
        responder.add((Object) null);
        assertTrue(responder.isEmpty());
        responder.add(new byte[0]);
        assertFalse(responder.isEmpty(), "an empty body is a response, not a spy");
    }

    @Test
    void statusAloneMakesAResponse() {
        Responder responder = new Responder(new LiveHub());
        responder.add(404);
        assertFalse(responder.isEmpty());
    }
}
