package kmock.handlers;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import kmock.api.Server;

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

    /** A handler served on a transport ({@code null}: the default one) until the test ends. */
    public <H extends RawHandler> H serve(H handler, String transport) {
        open.push(handler);
        Server.Builder builder = Server.builder(handler);
        open.push((transport == null ? builder : builder.transport(transport)).start());
        return handler;
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
