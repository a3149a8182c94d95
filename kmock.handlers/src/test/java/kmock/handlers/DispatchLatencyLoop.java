package kmock.handlers;

import java.util.Arrays;

import kmock.api.Request;
import kmock.api.Server;

/**
 * A measuring loop, not a test: p50 latency of one GET over loopback with 1 rule vs. 10,000 literal-path rules,
 * and after 0 vs. 100,000 requests already served. Run it with the module's test class path and a transport name.
 */
public final class DispatchLatencyLoop {

    private DispatchLatencyLoop() {}

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "jdk";
        double oneRule = p50(1, 0, transport);
        double manyRules = p50(10_000, 0, transport);
        double fresh = p50(1, 0, transport);
        double served = p50(1, 100_000, transport);
        System.out.printf(
                "%s: p50 1 rule %.1f us, 10,000 rules %.1f us (ratio %.2f); 0 served %.1f us, 100,000 served %.1f us (ratio %.2f)%n",
                transport, oneRule, manyRules, manyRules / oneRule, fresh, served, served / fresh);
    }

    private static double p50(int rules, int alreadyServed, String transport) {
        try (RawHandler kmock = new RawHandler();
                Server server = Server.builder(kmock).transport(transport).start()) {
            for (int i = 0; i < rules; i++) {
                kmock.on("get /item/" + i).reply("ok".getBytes());
            }
            String target = "/item/" + (rules - 1);
            Request request =
                    Request.builder().url("http://127.0.0.1:1" + target).build();
            for (int i = 0; i < alreadyServed; i++) {
                kmock.handle(request);
            }
            for (int i = 0; i < 2_000; i++) {
                kmock.get(target);
            }
            long[] nanos = new long[5_000];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                kmock.get(target);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return nanos[nanos.length / 2] / 1e3;
        }
    }
}
