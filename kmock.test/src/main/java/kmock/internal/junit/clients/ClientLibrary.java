package kmock.internal.junit.clients;

import java.net.URI;

/**
 * A Kubernetes client library that tests may have on their class path, and the clients of it that one test gets:
 * made on first use, pointed at the test's server, shared by the test's parameters and fields, closed after it.
 * Implementations name the library's classes, so they are loaded only once {@link ClientLibraries} has seen the
 * library present.
 */
public interface ClientLibrary extends AutoCloseable {

    /** Whether a parameter or field of this type is one of this library's clients. */
    boolean supports(Class<?> type);

    /**
     * A client of that type for the server at this URL.
     *
     * @throws IllegalStateException when a part of the library that clients need is missing, naming the artifact
     */
    Object client(Class<?> type, URI server);

    /** Closes the clients made for the test; never fails the test for it. */
    @Override
    void close();
}
