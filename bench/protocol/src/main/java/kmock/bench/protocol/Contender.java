package kmock.bench.protocol;

import java.util.HashSet;
import java.util.Set;

/**
 * One mock server under measurement, as the driver sees it: a stub server with literal-path rules, and for the
 * Kubernetes contenders an emulator of the ConfigMap API. Each contender lives in its own process and class path.
 */
public interface Contender {

    /** A started server. */
    interface Running extends AutoCloseable {
        /** The loopback port it listens on. */
        int port();

        /** Stops it and frees its threads and sockets. */
        @Override
        void close() throws Exception;
    }

    /** The paths a stub server answers: {@code /stub} and {@code /r0} … {@code /r<rules-1>}. */
    static Set<String> paths(int rules) {
        Set<String> paths = new HashSet<>();
        paths.add("/stub");
        for (int i = 0; i < rules; i++) {
            paths.add("/r" + i);
        }
        return paths;
    }

    /**
     * Starts a server on 127.0.0.1 answering {@code GET /stub} and {@code GET /r0} … {@code GET /r<rules-1>} with
     * {@code 200 ok}, each declared as one literal-path rule in the contender's own way.
     */
    Running start(int rules) throws Exception;

    /**
     * The stub server of {@link #start(int)} with a named option for long runs (KMock: {@code latest-1000}, a request
     * log that keeps the latest 1,000 requests), or says it has none.
     */
    default Running start(int rules, String option) throws Exception {
        throw new UnsupportedOperationException("no stub option " + option);
    }

    /** The same stub server as {@link #start(int)} with one rule, serving HTTPS; or says it has none. */
    default Running startTls() throws Exception {
        throw new UnsupportedOperationException("no TLS");
    }

    /** Starts a stateful Kubernetes API (create, list, watch of ConfigMaps), or says it has none. */
    default Running emulator() throws Exception {
        throw new UnsupportedOperationException("no emulator");
    }

    /**
     * The emulator with a named option for long runs (KMock: {@code no-bodies}, {@code latest-1000} for its request
     * log), or says it has none.
     */
    default Running emulator(String option) throws Exception {
        throw new UnsupportedOperationException("no emulator option " + option);
    }

    /**
     * A server that answers every GET with these bytes as {@code application/json}: the floor of a list, the same
     * bytes as an emulator's list sent by a server that does nothing else; or says it has none.
     */
    default Running bytes(byte[] body) throws Exception {
        throw new UnsupportedOperationException("no fixed-bytes server");
    }
}
