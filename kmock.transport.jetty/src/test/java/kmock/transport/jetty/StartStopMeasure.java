package kmock.transport.jetty;

import java.util.Arrays;

import kmock.api.Response;
import kmock.api.Server;

/**
 * Not a test: measures one server's life on Jetty (start, one GET through the embedded client, close), the
 * median of 200 cycles after 50 warm-up cycles. Run it with the test class path, for example:
 * {@code java -cp kmock.transport.jetty/target/test-classes:kmock.transport.jetty/target/classes:<dependencies>
 * kmock.transport.jetty.StartStopMeasure}.
 */
public final class StartStopMeasure {

    private static final int WARM_UP = 50;
    private static final int CYCLES = 200;

    private StartStopMeasure() {}

    public static void main(String[] args) {
        for (int i = 0; i < WARM_UP; i++) {
            cycle();
        }
        long[] nanos = new long[CYCLES];
        for (int i = 0; i < CYCLES; i++) {
            long start = System.nanoTime();
            cycle();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "jetty start+GET+stop: median %.2f ms, p10 %.2f ms, p90 %.2f ms over %d cycles (%d warm-up)%n",
                nanos[CYCLES / 2] / 1e6, nanos[CYCLES / 10] / 1e6, nanos[CYCLES * 9 / 10] / 1e6, CYCLES, WARM_UP);
    }

    private static void cycle() {
        try (Server server = Server.builder(request -> Response.of(200, new byte[] {'o', 'k'}))
                .transport("jetty")
                .start()) {
            if (server.client().get("/").status() != 200) {
                throw new IllegalStateException("unexpected status");
            }
        }
    }
}
