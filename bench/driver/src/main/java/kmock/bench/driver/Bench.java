package kmock.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every figure for every contender in one run, each contender in processes of its own, interleaved round by
 * round, and prints the markdown table of {@code BENCHMARKS.md} with ratios against KMock on the JDK transport.
 * {@code --smoke} runs every figure at a tiny size, so that CI keeps the harness working.
 */
public final class Bench {

    private final Path bench;
    private final Sizes sizes;
    private final Results results = new Results();
    /** The figures to run ({@code --only cycles,throughput}), or empty for all of them. */
    private final List<String> only;

    private Bench(Path bench, Sizes sizes, List<String> only) {
        this.bench = bench;
        this.sizes = sizes;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean smoke = arguments.contains("--smoke");
        int only = arguments.indexOf("--only");
        Bench run = new Bench(Path.of("").toAbsolutePath(), smoke ? Sizes.SMOKE : Sizes.FULL,
                only >= 0 && only + 1 < args.length ? List.of(args[only + 1].split(",")) : List.of());
        run.all();
        String table = run.results.markdown(run.sizes);
        System.out.println(table);
        Files.createDirectories(run.bench.resolve("target"));
        Files.writeString(run.bench.resolve("target/results.md"), table);
        if (!run.results.failures().isEmpty()) {
            System.err.println("Figures that failed: " + run.results.failures() + " (logs in bench/target/logs)");
            System.exit(1);
        }
    }

    private void all() {
        for (int round = 1; round <= sizes.rounds(); round++) {
            log("round " + round + " of " + sizes.rounds() + ": start/stop cycles");
            for (Contenders.Entry contender : Contenders.ALL) {
                measure(contender, "cycles", () -> cycles(contender, "cycles", ""));
            }
            for (Contenders.Entry contender : List.of(Contenders.KMOCK_JDK, Contenders.KMOCK_JETTY)) {
                measure(contender, "tlscycles", () -> cycles(contender, "tlscycles", "tls"));
            }
            log("round " + round + ": throughput");
            for (Contenders.Entry contender : Contenders.ALL) {
                measure(contender, "throughput", () -> throughput(contender, null));
            }
            for (Contenders.Entry contender : List.of(Contenders.KMOCK_JDK, Contenders.KMOCK_JETTY)) {
                measure(contender, "throughput latest-1000", () -> throughput(contender, "latest-1000"));
            }
            log("round " + round + ": rule scaling");
            for (Contenders.Entry contender : Contenders.ALL) {
                measure(contender, "rules", () -> rules(contender));
            }
            log("round " + round + ": emulators");
            for (Contenders.Entry contender : Contenders.ALL) {
                if (contender.emulator()) {
                    measure(contender, "emulator", () -> emulator(contender));
                }
            }
            for (String option : List.of("no-bodies", "latest-1000")) {
                measure(Contenders.KMOCK_JDK, "emulator " + option, () -> storedObjects(Contenders.KMOCK_JDK, option));
            }
            for (Contenders.Entry raw : List.of(Contenders.RAW_JDK, Contenders.RAW_JETTY)) {
                measure(raw, "list floor", () -> listFloor(raw));
            }
            log("round " + round + ": standalone start-up");
            boolean firstRound = round == 1;
            measure(Contenders.KMOCK_JDK, "cli", () -> cli(firstRound));
        }
        log("scale: " + String.format("%,d", sizes.scaleObjects()) + " objects, " + String.format("%,d", sizes.scaleWatchers()) + " watches");
        for (Contenders.Entry contender : Contenders.ALL) {
            if (contender.emulator()) {
                measure(contender, "scale", () -> scale(contender));
            }
        }
        for (Contenders.Entry contender : Contenders.ALL) {
            measure(contender, "footprint", () -> footprint(contender));
        }
    }

    private interface Figure {
        void run() throws Exception;
    }

    /** Runs one figure of a contender (unless {@code --only} leaves its first word out), recording a failure. */
    private void measure(Contenders.Entry contender, String figure, Figure body) {
        if (!only.isEmpty() && !only.contains(figure.split(" ")[0])) {
            return;
        }
        try {
            body.run();
        } catch (Exception | Error e) {
            results.fail(contender.label() + " " + figure + ": " + e);
        }
    }

    /** Start/stop cycles of a contender ({@code tlscycles}: HTTPS), recorded under figures with the prefix. */
    private void cycles(Contenders.Entry contender, String command, String prefix) {
        try (ContenderProcess process = ContenderProcess.start(bench, contender, command,
                String.valueOf(sizes.warmupCycles()), String.valueOf(sizes.cycles()))) {
            double first = Double.parseDouble(process.expect("first")) / 1e6;
            List<Double> total = new ArrayList<>();
            List<Double> start = new ArrayList<>();
            List<Double> stop = new ArrayList<>();
            for (String line : process.lines()) {
                if (line.startsWith("cycle ")) {
                    String[] parts = line.split(" ");
                    double s = Double.parseDouble(parts[1]) / 1e6;
                    double g = Double.parseDouble(parts[2]) / 1e6;
                    double p = Double.parseDouble(parts[3]) / 1e6;
                    total.add(s + g + p);
                    start.add(s);
                    stop.add(p);
                }
            }
            if (total.size() != sizes.cycles()) {
                throw new IllegalStateException("got " + total.size() + " of " + sizes.cycles() + " cycles");
            }
            results.add(contender, prefix + "cycle", Stats.median(total));
            results.add(contender, prefix + "start", Stats.median(start));
            results.add(contender, prefix + "stop", Stats.median(stop));
            results.add(contender, prefix + "cold", first);
        }
    }

    /** wrk at 1 and 16 connections; with an option (KMock's request log policy), recorded under figures suffixed with it. */
    private void throughput(Contenders.Entry contender, String option) {
        String suffix = option == null ? "" : " " + option;
        try (ContenderProcess process = option == null ? ContenderProcess.start(bench, contender, "serve", "1")
                : ContenderProcess.start(bench, contender, "serve", "1", option)) {
            String url = "http://127.0.0.1:" + process.expect("port") + "/r0";
            warm(url, 16);
            for (int connections : new int[] {1, 16}) {
                Wrk.Result result = Wrk.run(url, connections, sizes.wrkSeconds());
                if (result.errors() > 0) {
                    throw new IllegalStateException(result.errors() + " failed requests with " + connections + " connections");
                }
                results.add(contender, "rps" + connections + suffix, result.requestsPerSecond());
                results.add(contender, "p50c" + connections + suffix, result.p50Millis());
                results.add(contender, "p99c" + connections + suffix, result.p99Millis());
            }
        }
    }

    private void rules(Contenders.Entry contender) {
        for (int rules : new int[] {1, 100, 10_000}) {
            try (ContenderProcess process = ContenderProcess.start(bench, contender, "serve", String.valueOf(rules))) {
                String url = "http://127.0.0.1:" + process.expect("port") + "/r" + (rules - 1);
                warm(url, 1);
                Wrk.Result result = Wrk.run(url, 1, sizes.rulesSeconds());
                results.add(contender, "rules" + rules, result.p50Millis());
                if (rules == 1 && contender.module().equals("kmock")) {
                    long served = 0;
                    while (served < sizes.servedBefore()) {
                        served += Wrk.run(url, 16, 2).requests();
                    }
                    results.add(contender, "servedAfter", Wrk.run(url, 1, sizes.rulesSeconds()).p50Millis());
                }
            }
        }
    }

    private void emulator(Contenders.Entry contender) throws Exception {
        boolean webSocket = contender.module().equals("fabric8");
        try (ContenderProcess process = ContenderProcess.start(bench, contender, "emulator");
             EmulatorLoad load = new EmulatorLoad(Integer.parseInt(process.expect("port")), webSocket)) {
            long empty = heap(process);
            results.add(contender, "creates", load.creates("bench", sizes.objects()));
            long stored = heap(process);
            results.add(contender, "heapPerObject", (stored - empty) / (double) sizes.objects());
            results.add(contender, "jsonSize", (double) EmulatorLoad.configMap("cm-" + sizes.objects() / 2).length());
            load.list("bench", sizes.objects()); // the first, unmeasured, as for the floor: the JIT of both sides
            List<Double> lists = new ArrayList<>();
            for (int i = 0; i < sizes.lists(); i++) {
                lists.add(load.list("bench", sizes.objects()));
            }
            results.add(contender, "list", Stats.median(lists));
            if (contender == Contenders.KMOCK_JDK) {
                Files.createDirectories(bench.resolve("target"));
                Files.write(listBody(), load.listBody("bench"));
            }
            for (int watchers : new int[] {1, 100}) {
                List<Double> latencies = load.watchLatencies("watch" + watchers, watchers, sizes.watchWrites());
                load.closeWatchers();
                results.add(contender, "watch" + watchers + "p50", Stats.percentile(latencies, 0.5));
                results.add(contender, "watch" + watchers + "p99", Stats.percentile(latencies, 0.99));
            }
            long before = heap(process);
            load.openWatchers("idle", sizes.idleWatchers(), text -> { });
            long after = heap(process);
            results.add(contender, "heapPerWatch", (after - before) / (double) sizes.idleWatchers());
            load.closeWatchers();
        }
    }

    /** Heap per stored object of an emulator with an option for long runs (its request log's). */
    private void storedObjects(Contenders.Entry contender, String option) throws Exception {
        try (ContenderProcess process = ContenderProcess.start(bench, contender, "emulator", option);
             EmulatorLoad load = new EmulatorLoad(Integer.parseInt(process.expect("port")), false)) {
            long empty = heap(process);
            load.creates("bench", sizes.objects());
            results.add(contender, "heapPerObject " + option, (heap(process) - empty) / (double) sizes.objects());
        }
    }

    /** The list of the emulator figure, as the same bytes from a server that only sends them, to the same client. */
    private void listFloor(Contenders.Entry raw) throws Exception {
        if (!Files.isRegularFile(listBody())) {
            throw new IllegalStateException("no list body to send: the kmock-jdk emulator figure failed");
        }
        try (ContenderProcess process = ContenderProcess.start(bench, raw, "bytes", listBody().toString());
             EmulatorLoad load = new EmulatorLoad(Integer.parseInt(process.expect("port")), false)) {
            load.list("bench", sizes.objects()); // the first, unmeasured: the JIT of both sides
            List<Double> lists = new ArrayList<>();
            for (int i = 0; i < sizes.lists(); i++) {
                lists.add(load.list("bench", sizes.objects()));
            }
            results.add(raw, "listFloor", Stats.median(lists));
        }
    }

    private Path listBody() {
        return bench.resolve("target/list-body.json");
    }

    /**
     * The emulator at scale: many objects created by several clients at once (creates/s, heap per object, a labelled
     * list of 1% of them), then many open watches (heap and threads per watch, write to the last watcher's event).
     */
    private void scale(Contenders.Entry contender) throws Exception {
        boolean webSocket = contender.module().equals("fabric8");
        try (ContenderProcess process = ContenderProcess.start(bench, contender, "emulator")) {
            process.killAfter(SCALE_LIMIT);
            try {
                scale(contender, process, webSocket);
            } catch (Exception e) {
                if (process.killed()) {
                    throw new IllegalStateException("gave up after " + SCALE_LIMIT.toMinutes() + " minutes (" + e + ")");
                }
                throw e;
            }
        }
    }

    private void scale(Contenders.Entry contender, ContenderProcess process, boolean webSocket) throws Exception {
        try (EmulatorLoad load = new EmulatorLoad(Integer.parseInt(process.expect("port")), webSocket)) {
            int objects = sizes.scaleObjects();
            long empty = heap(process);
            results.add(contender, "scaleCreates", load.createsAtOnce("scale", objects, SCALE_CLIENTS, 100));
            results.add(contender, "scaleHeapPerObject", (heap(process) - empty) / (double) objects);
            load.listSelected("scale", "tier=gold", objects / 100);
            List<Double> lists = new ArrayList<>();
            for (int i = 0; i < sizes.lists(); i++) {
                lists.add(load.listSelected("scale", "tier=gold", objects / 100));
            }
            results.add(contender, "scaleSelected", Stats.median(lists));
            long threads = threads(process);
            long before = heap(process);
            List<Double> latencies = load.watchLatencies("many", sizes.scaleWatchers(), sizes.scaleWrites(), true);
            results.add(contender, "scaleHeapPerWatch", (heap(process) - before) / (double) sizes.scaleWatchers());
            results.add(contender, "scaleThreadsPerWatch", (threads(process) - threads) / (double) sizes.scaleWatchers());
            results.add(contender, "scaleWatchP50", Stats.percentile(latencies, 0.5));
            results.add(contender, "scaleWatchP99", Stats.percentile(latencies, 0.99));
            load.closeWatchers();
        }
    }

    /**
     * The standalone server, {@code java -jar kmock.jar serve --port 0}: from the process start to its first request
     * served ({@code GET /api}), as is and with the class-data sharing archive of a warm-up run.
     */
    private void cli(boolean firstRound) throws Exception {
        Path jar = bench.resolve("../kmock.cli/target/kmock.jar").normalize();
        Path archive = bench.resolve("target/kmock.jsa");
        if (firstRound) {
            Files.deleteIfExists(archive);
            StandaloneStart.train(jar, archive);
        }
        for (int i = 0; i < 3; i++) {
            results.add(Contenders.KMOCK_JDK, "cliFirstRequest", StandaloneStart.firstRequest(jar, null));
            results.add(Contenders.KMOCK_JDK, "cliFirstRequestCds", StandaloneStart.firstRequest(jar, archive));
        }
    }

    /** One unmeasured wrk second, so that the JIT has compiled the serving path; skipped in smoke runs. */
    private void warm(String url, int connections) {
        if (sizes.warmupCycles() >= Sizes.FULL.warmupCycles()) {
            Wrk.run(url, connections, 1);
        }
    }

    private static long heap(ContenderProcess process) {
        process.send("mem");
        return Long.parseLong(process.expect("heap"));
    }

    private static long threads(ContenderProcess process) {
        process.send("threads");
        return Long.parseLong(process.expect("threads"));
    }

    private void footprint(Contenders.Entry contender) throws IOException {
        String classpath = Files.readString(bench.resolve("contenders").resolve(contender.module()).resolve("target/classpath.txt")).trim();
        List<String> jars = new ArrayList<>();
        long bytes = 0;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("bench-protocol") || entry.isBlank()) {
                continue; // the harness's own protocol, not the contender's
            }
            if (contender.module().equals("kmock") && name.startsWith(contender.label().equals("kmock-jdk") ? "kmock-transport-jetty"
                    : "kmock-transport-jdk")) {
                continue; // one process holds both transports; a user needs one
            }
            if (contender.label().equals("kmock-jdk") && name.startsWith("jetty-")) {
                continue;
            }
            jars.add(name);
            bytes += Files.size(Path.of(entry));
        }
        results.add(contender, "jars", (double) jars.size());
        results.add(contender, "megabytes", bytes / 1e6);
    }

    private static void log(String what) {
        System.err.println("[bench] " + what);
    }

    /** How long a contender may take for the whole scale figure before it is stopped and the figure failed. */
    static final java.time.Duration SCALE_LIMIT = java.time.Duration.ofMinutes(5);

    /** Clients that create the objects of the scale figure at once. */
    static final int SCALE_CLIENTS = 4;

    /** How much of each figure a run does. */
    record Sizes(String name, int rounds, int warmupCycles, int cycles, int wrkSeconds, int rulesSeconds, long servedBefore,
                 int objects, int lists, int watchWrites, int idleWatchers, int scaleObjects, int scaleWatchers, int scaleWrites) {
        static final Sizes FULL = new Sizes("full", 3, 50, 200, 5, 3, 100_000, 10_000, 5, 50, 100, 100_000, 1_000, 50);
        static final Sizes SMOKE = new Sizes("smoke", 1, 3, 10, 1, 1, 2_000, 200, 2, 3, 20, 1_000, 20, 3);
    }

    /** Keeps every figure per contender, one value per process, and renders the tables. */
    static final class Results {
        private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();

        void add(Contenders.Entry contender, String figure, double value) {
            values.computeIfAbsent(contender.label(), key -> new LinkedHashMap<>()).computeIfAbsent(figure, key -> new ArrayList<>()).add(value);
        }

        void fail(String what) {
            failures.add(what);
            System.err.println("[bench] FAILED " + what);
        }

        List<String> failures() {
            return failures;
        }

        List<Double> of(Contenders.Entry contender, String figure) {
            return values.getOrDefault(contender.label(), Map.of()).getOrDefault(figure, List.of());
        }

        double median(Contenders.Entry contender, String figure) {
            return Stats.median(of(contender, figure));
        }

        String markdown(Sizes sizes) {
            return new Table(this, sizes).render();
        }
    }

    /** Used by the table for ratios against the baseline. */
    static Function<Double, String> ratio(double baseline) {
        return value -> Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? "n/a" : String.format("%.2f×", value / baseline);
    }
}
