package kmock.it.transport;

import java.util.Arrays;

import kmock.api.Response;
import kmock.api.Server;

/**
 * A measuring loop, not a test: start a server, GET once through its embedded client, stop it; prints the median
 * and the 10th/90th percentiles over 200 cycles after 50 warm-up cycles, per transport.
 * Run: {@code java -cp <kmock.it test class path> kmock.it.transport.StartStopLoop jdk jetty}.
 */
public final class StartStopLoop {

    private StartStopLoop() {}

    public static void main(String[] args) {
        for (String transport : args.length == 0 ? new String[] {"jdk", "jetty"} : args) {
            for (int i = 0; i < 50; i++) {
                cycle(transport);
            }
            long[] nanos = new long[200];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = cycle(transport);
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "%-6s start+GET+stop: median %.2f ms (p10 %.2f, p90 %.2f) over %d cycles%n",
                    transport, nanos[100] / 1e6, nanos[20] / 1e6, nanos[180] / 1e6, nanos.length);
        }
    }

    private static long cycle(String transport) {
        long start = System.nanoTime();
        try (Server server = Server.builder(request -> Response.of(200, "ok".getBytes()))
                .transport(transport)
                .start()) {
            if (server.client().get("/").status() != 200) {
                throw new IllegalStateException("unexpected status");
            }
        }
        return System.nanoTime() - start;
    }
}
