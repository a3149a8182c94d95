package kmock.bench.contender;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;

/**
 * fabric8's KubernetesMockServer: expectations mode for stubs ({@code always()}, one expectation per rule), CRUD
 * mode for the emulator figures. Its INFO logging (java.util.logging, a line per server start and per request) is
 * turned down to warnings, so that logging is not what is measured.
 */
public final class Main implements Contender {

    /** Held so that the level set on it stays: java.util.logging keeps loggers only weakly. */
    private static final Logger FABRIC8 = Logger.getLogger("io.fabric8");

    public static void main(String[] args) {
        FABRIC8.setLevel(Level.WARNING);
        ContenderMain.run(new Main(), args);
    }

    @Override
    public Running start(int rules) throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.expect().get().withPath("/stub").andReturn(200, "ok").always();
        for (int i = 0; i < rules; i++) {
            server.expect().get().withPath("/r" + i).andReturn(200, "ok").always();
        }
        return running(server);
    }

    @Override
    public Running emulator() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return running(server);
    }

    private static Running running(KubernetesMockServer server) {
        return new Running() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.shutdown();
            }
        };
    }
}
