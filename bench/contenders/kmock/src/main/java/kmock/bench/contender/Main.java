package kmock.bench.contender;

import java.util.Arrays;

import kmock.api.Payload;
import kmock.api.Server;
import kmock.bench.protocol.Contender;
import kmock.bench.protocol.ContenderMain;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.RawHandler;

/** KMock with the transport named by the first argument ({@code jdk} or {@code jetty}). */
public final class Main implements Contender {

    private final String transport;

    private Main(String transport) {
        this.transport = transport;
    }

    public static void main(String[] args) {
        ContenderMain.run(new Main(args[0]), Arrays.copyOfRange(args, 1, args.length));
    }

    @Override
    public Running start(int rules) {
        return stub(new RawHandler(), rules);
    }

    /** {@code latest-1000}: the log keeps the latest 1,000 requests, as a load or long run would configure it. */
    @Override
    public Running start(int rules, String option) {
        if (!option.equals("latest-1000")) {
            throw new IllegalArgumentException("unknown stub option " + option);
        }
        return stub(RawHandler.builder().keepRequests(1000).build(), rules);
    }

    private Running stub(RawHandler kmock, int rules) {
        kmock.on("get /stub").reply(Payload.text("ok"));
        for (int i = 0; i < rules; i++) {
            kmock.on("get /r" + i).reply(Payload.text("ok"));
        }
        return running(kmock, Server.builder(kmock).transport(transport).start());
    }

    @Override
    public Running startTls() {
        RawHandler kmock = new RawHandler();
        kmock.on("get /stub").reply(Payload.text("ok"));
        return running(kmock, Server.builder(kmock).transport(transport).https().start());
    }

    @Override
    public Running emulator() {
        return serving(new KubernetesEmulator());
    }

    /** {@code no-bodies}: the log keeps requests without bodies; {@code latest-1000}: the log keeps the latest 1,000. */
    @Override
    public Running emulator(String option) {
        return serving(switch (option) {
            case "no-bodies" -> KubernetesEmulator.builder().keepBodies(false).build();
            case "latest-1000" -> KubernetesEmulator.builder().keepRequests(1000).build();
            default -> throw new IllegalArgumentException("unknown emulator option " + option);
        });
    }

    private Running serving(KubernetesEmulator kmock) {
        kmock.resources().loadBundled();
        return running(kmock, Server.builder(kmock).transport(transport).start());
    }

    private static Running running(RawHandler kmock, Server server) {
        return new Running() {
            @Override
            public int port() {
                return server.url().getPort();
            }

            @Override
            public void close() {
                server.close();
                kmock.close();
            }
        };
    }
}
