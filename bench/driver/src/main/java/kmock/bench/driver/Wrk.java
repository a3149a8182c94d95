package kmock.bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} with keep-alive connections against a loopback URL and reads its summary. */
final class Wrk {

    /** What one wrk run reports. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private Wrk() {
    }

    static Result run(String url, int connections, int seconds) {
        int threads = Math.min(2, connections);
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            Matcher rate = RATE.matcher(output);
            Matcher total = TOTAL.matcher(output);
            if (!rate.find() || !total.find()) {
                throw new IllegalStateException("unexpected wrk output: " + output);
            }
            long errors = 0;
            Matcher non2xx = NON_2XX.matcher(output);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = ERRORS.matcher(output);
            if (socket.find()) {
                for (int i = 1; i <= 4; i++) {
                    errors += Long.parseLong(socket.group(i));
                }
            }
            return new Result(Double.parseDouble(rate.group(1)), latency(output, "50%"), latency(output, "99%"),
                    Long.parseLong(total.group(1)), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A latency percentile of wrk's distribution, in milliseconds. */
    private static double latency(String output, String percentile) {
        Matcher line = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!line.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(line.group(1));
        switch (line.group(2)) {
            case "us": return value / 1000;
            case "s": return value * 1000;
            default: return value;
        }
    }
}
