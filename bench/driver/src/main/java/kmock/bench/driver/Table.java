package kmock.bench.driver;

import static kmock.bench.driver.Contenders.FABRIC8;
import static kmock.bench.driver.Contenders.KMOCK_JDK;
import static kmock.bench.driver.Contenders.KMOCK_JETTY;
import static kmock.bench.driver.Contenders.RAW_JDK;
import static kmock.bench.driver.Contenders.RAW_JETTY;

import java.util.List;

/** The markdown tables of a run: one per figure, ratios against KMock on the JDK transport, then the goals. */
final class Table {

    private final Bench.Results results;
    private final Bench.Sizes sizes;
    private final StringBuilder out = new StringBuilder();

    Table(Bench.Results results, Bench.Sizes sizes) {
        this.results = results;
        this.sizes = sizes;
    }

    String render() {
        out.append("Run size: ").append(sizes.name()).append(" (").append(sizes.rounds()).append(" process")
                .append(sizes.rounds() == 1 ? "" : "es").append(" per contender and figure; medians, with min–max over processes).\n");
        out.append("JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" (").append(System.getProperty("java.vendor")).append(").\n\n");
        cycles();
        throughput();
        rules();
        emulator();
        memory();
        footprint();
        scale();
        standalone();
        goals();
        if (!results.failures().isEmpty()) {
            out.append("\n**Failed:** ").append(String.join("; ", results.failures())).append('\n');
        }
        return out.toString();
    }

    private String cell(Contenders.Entry contender, String figure, String format) {
        return Stats.spread(results.of(contender, figure), format);
    }

    private String ratio(Contenders.Entry contender, String figure) {
        return Bench.ratio(results.median(KMOCK_JDK, figure)).apply(results.median(contender, figure));
    }

    private void header(String title, String... columns) {
        out.append("### ").append(title).append("\n\n| contender | ").append(String.join(" | ", columns)).append(" |\n|---|");
        out.append("---|".repeat(columns.length)).append('\n');
    }

    private void row(Contenders.Entry contender, String... cells) {
        out.append("| ").append(contender.label()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
    }

    private void cycles() {
        header("1. Start + one GET + stop in a warm JVM (ms; " + sizes.cycles() + " cycles after " + sizes.warmupCycles()
                + " warm-up), and the first cycle of a fresh JVM", "cycle", "ratio", "start alone", "stop alone", "first cycle (cold)");
        for (Contenders.Entry contender : Contenders.ALL) {
            row(contender, cell(contender, "cycle", "%.2f"), ratio(contender, "cycle"), cell(contender, "start", "%.2f"),
                    cell(contender, "stop", "%.2f"), cell(contender, "cold", "%.0f"));
        }
        // HTTPS with the KMock CA: the first cycle of a JVM also makes the CA; later servers reuse it.
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY)) {
            out.append("| ").append(contender.label()).append(" https | ").append(String.join(" | ", cell(contender, "tlscycle", "%.2f"),
                    Bench.ratio(results.median(contender, "cycle")).apply(results.median(contender, "tlscycle")) + " of http",
                    cell(contender, "tlsstart", "%.2f"), cell(contender, "tlsstop", "%.2f"),
                    cell(contender, "tlscold", "%.0f"))).append(" |\n");
        }
        out.append('\n');
    }

    private void throughput() {
        header("2. Keep-alive throughput on loopback (wrk, " + sizes.wrkSeconds() + " s per run)",
                "1 conn req/s", "p50 / p99 ms", "16 conns req/s", "p50 / p99 ms", "ratio (16)");
        for (Contenders.Entry contender : Contenders.ALL) {
            row(contender, cell(contender, "rps1", "%.0f"), latency(contender, 1, ""), cell(contender, "rps16", "%.0f"),
                    latency(contender, 16, ""), ratio(contender, "rps16"));
        }
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY)) {
            out.append("| ").append(contender.label()).append(", keepRequests(1000) | ").append(String.join(" | ",
                    cell(contender, "rps1 latest-1000", "%.0f"), latency(contender, 1, " latest-1000"),
                    cell(contender, "rps16 latest-1000", "%.0f"), latency(contender, 16, " latest-1000"),
                    Bench.ratio(results.median(KMOCK_JDK, "rps16")).apply(results.median(contender, "rps16 latest-1000"))))
                    .append(" |\n");
        }
        out.append("\nBy default KMock's request log keeps every request, for the test's views; the keepRequests(1000) rows keep the\n"
                + "latest 1,000, as a load or long run would.\n\n");
    }

    private String latency(Contenders.Entry contender, int connections, String suffix) {
        return String.format("%.2f / %.2f", results.median(contender, "p50c" + connections + suffix),
                results.median(contender, "p99c" + connections + suffix));
    }

    private void rules() {
        header("3. Rule scaling: p50 latency of the last of N literal-path rules (ms, 1 connection)",
                "1 rule", "100 rules", "10,000 rules", "10,000 vs 1");
        for (Contenders.Entry contender : Contenders.ALL) {
            row(contender, cell(contender, "rules1", "%.3f"), cell(contender, "rules100", "%.3f"),
                    cell(contender, "rules10000", "%.3f"), scaling(contender, "rules10000", "rules1"));
        }
        out.append("\nAfter ").append(String.format("%,d", sizes.servedBefore())).append(" requests already served (the log grows): ");
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY)) {
            out.append(contender.label()).append(' ').append(cell(contender, "servedAfter", "%.3f")).append(" ms (")
                    .append(scaling(contender, "servedAfter", "rules1")).append(" of fresh); ");
        }
        out.append("\n\n");
    }

    private String scaling(Contenders.Entry contender, String figure, String base) {
        return Bench.ratio(results.median(contender, base)).apply(results.median(contender, figure));
    }

    private void emulator() {
        header("4. Emulators, same requests from one JDK HttpClient (" + String.format("%,d", sizes.objects())
                + " ConfigMaps; watch latency over " + sizes.watchWrites() + " writes)",
                "creates/s", "list all (ms)", "write→event, 1 watcher p50 / p99 ms", "100 watchers p50 / p99 ms");
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY, FABRIC8)) {
            row(contender, cell(contender, "creates", "%.0f"), cell(contender, "list", "%.1f"), watch(contender, 1), watch(contender, 100));
        }
        for (Contenders.Entry raw : List.of(RAW_JDK, RAW_JETTY)) {
            out.append("| ").append(raw.label()).append(", the same list's bytes (floor) | | ").append(cell(raw, "listFloor", "%.1f"))
                    .append(" | | |\n");
        }
        out.append("\nfabric8 runs in CRUD mode and serves watches over WebSocket only; KMock over chunked HTTP. The floor rows send\n"
                + "kmock-jdk's list body as fixed bytes from the raw server, to the same client.\n\n");
    }

    private String watch(Contenders.Entry contender, int watchers) {
        return String.format("%.2f / %.2f", results.median(contender, "watch" + watchers + "p50"), results.median(contender, "watch" + watchers + "p99"));
    }

    private void memory() {
        header("5. Memory of the emulators (heap after GC)", "per stored object (bytes)", "its JSON (bytes)",
                "heap / JSON", "per open watch (bytes)");
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY, FABRIC8)) {
            row(contender, cell(contender, "heapPerObject", "%.0f"), cell(contender, "jsonSize", "%.0f"),
                    Bench.ratio(results.median(contender, "jsonSize")).apply(results.median(contender, "heapPerObject")),
                    cell(contender, "heapPerWatch", "%.0f"));
        }
        for (String option : List.of("no-bodies", "latest-1000")) {
            String figure = "heapPerObject " + option;
            out.append("| kmock-jdk, ").append(option.equals("no-bodies") ? "keepBodies(false)" : "keepRequests(1000)").append(" | ")
                    .append(cell(KMOCK_JDK, figure, "%.0f")).append(" | ").append(cell(KMOCK_JDK, "jsonSize", "%.0f")).append(" | ")
                    .append(Bench.ratio(results.median(KMOCK_JDK, "jsonSize")).apply(results.median(KMOCK_JDK, figure))).append(" | |\n");
        }
        out.append("\nKMock's rows by default include its request log, which keeps every request (the create's body too).\n\n");
    }

    private void footprint() {
        header("6. Dependency footprint (runtime class path a user adds)", "jars", "MB");
        for (Contenders.Entry contender : Contenders.ALL) {
            row(contender, cell(contender, "jars", "%.0f"), cell(contender, "megabytes", "%.1f"));
        }
        out.append('\n');
    }

    private void scale() {
        header("7. The emulators at scale: " + String.format("%,d", sizes.scaleObjects()) + " ConfigMaps created by "
                + Bench.SCALE_CLIENTS + " clients at once, then " + String.format("%,d", sizes.scaleWatchers()) + " open watches",
                "creates/s", "heap per object (bytes)", "vs table 5", "list of 1% by label (ms)", "heap per watch (bytes)",
                "threads per watch", "write → last watcher p50 / p99 ms");
        for (Contenders.Entry contender : List.of(KMOCK_JDK, KMOCK_JETTY, FABRIC8)) {
            row(contender, cell(contender, "scaleCreates", "%.0f"), cell(contender, "scaleHeapPerObject", "%.0f"),
                    scaling(contender, "scaleHeapPerObject", "heapPerObject"), cell(contender, "scaleSelected", "%.1f"),
                    cell(contender, "scaleHeapPerWatch", "%.0f"), cell(contender, "scaleThreadsPerWatch", "%.2f"),
                    String.format("%.2f / %.2f", results.median(contender, "scaleWatchP50"), results.median(contender, "scaleWatchP99")));
        }
        out.append("\nOne process per contender, in the first round only. Heap per watch is over the ").append(String.format("%,d", sizes.scaleWatchers()))
                .append(" open watches, threads per watch the live threads they added.\n\n");
    }

    private void standalone() {
        header("8. The standalone server: `java -jar kmock.jar serve --port 0` to its first request served (ms)",
                "as is", "with the class-data sharing archive of `serve --warmup`");
        row(KMOCK_JDK, cell(KMOCK_JDK, "cliFirstRequest", "%.0f"), cell(KMOCK_JDK, "cliFirstRequestCds", "%.0f"));
        out.append("\nEach is the median over 3 starts per round (every start in the min–max), the first request a `GET /api`.\n\n");
    }

    private void goals() {
        out.append("### Goals\n\n| goal | measured | met |\n|---|---|---|\n");
        for (int connections : new int[] {1, 16}) {
            goal("p99 latency, " + connections + " conn., ≤ 2× raw HttpServer's (JDK transport)", "p99c" + connections, KMOCK_JDK, RAW_JDK, 2, true);
            goal("p99 latency, " + connections + " conn., ≤ 2× raw Jetty's (Jetty transport)", "p99c" + connections, KMOCK_JETTY, RAW_JETTY, 2, true);
        }
        for (int connections : new int[] {1, 16}) {
            check("… with keepRequests(1000), " + connections + " conn. (JDK transport)",
                    results.median(KMOCK_JDK, "p99c" + connections + " latest-1000") / results.median(RAW_JDK, "p99c" + connections), 2, true);
            check("… with keepRequests(1000), " + connections + " conn. (Jetty transport)",
                    results.median(KMOCK_JETTY, "p99c" + connections + " latest-1000") / results.median(RAW_JETTY, "p99c" + connections), 2, true);
        }
        goal("throughput (16 conns), Jetty transport ahead of fabric8's mock", "rps16", KMOCK_JETTY, FABRIC8, 1, false);
        check("… with keepRequests(1000)", results.median(KMOCK_JETTY, "rps16 latest-1000") / results.median(FABRIC8, "rps16"), 1, false);
        goal("throughput (16 conns) ≥ 0.85× raw HttpServer's (JDK transport)", "rps16", KMOCK_JDK, RAW_JDK, 0.85, false);
        check("heap per stored object ≤ 4× its JSON (kmock-jdk)", results.median(KMOCK_JDK, "heapPerObject") / results.median(KMOCK_JDK, "jsonSize"), 4, true);
        check("… with keepRequests(1000) (kmock-jdk)", results.median(KMOCK_JDK, "heapPerObject latest-1000") / results.median(KMOCK_JDK, "jsonSize"), 4, true);
        for (Contenders.Entry kmock : List.of(KMOCK_JDK, KMOCK_JETTY)) {
            check("heap per open watch ≤ 8 KB (" + kmock.label() + ")", results.median(kmock, "heapPerWatch") / 8192, 1, true);
            goal("list of all ≤ 0.5× fabric8 CRUD's time (" + kmock.label() + ")", "list", kmock, FABRIC8, 0.5, true);
        }
        goal("warm cycle ≤ 1.1× raw HttpServer's (JDK transport)", "cycle", KMOCK_JDK, RAW_JDK, 1.1, true);
        goal("warm cycle ≤ 1.1× raw Jetty's (Jetty transport)", "cycle", KMOCK_JETTY, RAW_JETTY, 1.1, true);
        goal("first cycle of a JVM ≤ 1.2× raw HttpServer's (JDK transport)", "cold", KMOCK_JDK, RAW_JDK, 1.2, true);
        goal("first cycle of a JVM ≤ 1.2× raw Jetty's (Jetty transport)", "cold", KMOCK_JETTY, RAW_JETTY, 1.2, true);
        check("`kmock.jar serve` to the first request ≤ 300 ms (as is)", results.median(KMOCK_JDK, "cliFirstRequest") / 300, 1, true);
        check("`kmock.jar serve` to the first request ≤ 300 ms (with its archive)", results.median(KMOCK_JDK, "cliFirstRequestCds") / 300, 1, true);
        for (Contenders.Entry kmock : List.of(KMOCK_JDK, KMOCK_JETTY)) {
            check("heap per object flat from " + String.format("%,d", sizes.objects()) + " to " + String.format("%,d", sizes.scaleObjects())
                    + " (≤ 1.1×, " + kmock.label() + ")",
                    results.median(kmock, "scaleHeapPerObject") / results.median(kmock, "heapPerObject"), 1.1, true);
            check("no thread per watch (" + kmock.label() + ": threads per watch ≤ 0.1)", results.median(kmock, "scaleThreadsPerWatch") / 0.1, 1, true);
        }
        out.append("\nRatios are ours over theirs (or over the limit, where a goal is an absolute figure: 1.00× is the limit).\n");
    }

    /** A goal on the ratio of two contenders' medians of one figure. */
    private void goal(String goal, String figure, Contenders.Entry ours, Contenders.Entry theirs, double limit, boolean atMost) {
        check(goal, results.median(ours, figure) / results.median(theirs, figure), limit, atMost);
    }

    private void check(String goal, double ratio, double limit, boolean atMost) {
        boolean met = !Double.isNaN(ratio) && (atMost ? ratio <= limit : ratio >= limit);
        out.append("| ").append(goal).append(" | ").append(Double.isNaN(ratio) ? "n/a" : String.format("%.2f×", ratio))
                .append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }
}
