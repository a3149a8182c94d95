package kmock.handlers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import kmock.api.Server;
import kmock.internal.payloads.ReplyServer;

/**
 * The one fixture of this module's tests that serve a handler: it starts a server for the handler on a transport
 * and, after the test, closes the server and then the handler (whose strict checks run then). kmock-test's
 * {@code @KMockTest} does this for users, but it depends on this module.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Served served = new Served();
 *
 * @BeforeEach
 * void start() {
 *     kmock = served.emulator(transport);
 * }
 * }</pre>
 */
public final class Served implements AfterEachCallback {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Registered as {@code @RegisterExtension Served served = new Served();}. */
    public Served() {}

    /** An emulator with the bundled resources, served on a transport until the test ends. */
    public KubernetesEmulator emulator(String transport) {
        KubernetesEmulator emulator = new KubernetesEmulator();
        emulator.resources().loadBundled();
        return serve(emulator, transport);
    }

    /** An emulator with the bundled resources, served on the default transport until the test ends. */
    public KubernetesEmulator emulator() {
        return emulator(null);
    }

    /**
     * A handler served on a transport ({@code null}: the default one) until the test ends; skips the test when
     * {@code -Dkmock.test.transports=..} leaves the transport out.
     */
    public <H extends RawHandler> H serve(H handler, String transport) {
        server(handler, transport, UnaryOperator.identity());
        return handler;
    }

    /**
     * A handler served on a transport as {@link #serve} does, on a server that the test configures further (hostnames,
     * a port, …), for tests that need the server itself.
     */
    public Server server(RawHandler handler, String transport, UnaryOperator<Server.Builder> options) {
        open.push(handler);
        if (transport != null) {
            ReplyServer.requireTransport(transport);
        }
        Server.Builder builder = Server.builder(handler);
        Server server = options.apply(transport == null ? builder : builder.transport(transport))
                .start();
        open.push(server);
        return server;
    }

    /** Closes what the test served, the last served first: each server before its handler. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeAll();
    }

    private void closeAll() throws Exception {
        if (open.isEmpty()) {
            return;
        }
        AutoCloseable next = open.pop();
        try {
            next.close();
        } finally {
            closeAll();
        }
    }
}
