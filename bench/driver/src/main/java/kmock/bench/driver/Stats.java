package kmock.bench.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles of samples, and the "median (min–max)" text of the tables. */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Double> samples, double fraction) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(fraction * sorted.size()) - 1));
        return sorted.get(index);
    }

    static double median(List<Double> samples) {
        return percentile(samples, 0.5);
    }

    static double min(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** {@code 9.6 (8.1–12.0)}: the median of per-process figures, with their range when there are several. */
    static String spread(List<Double> perProcess, String format) {
        if (perProcess.isEmpty()) {
            return "n/a";
        }
        String median = String.format(format, median(perProcess));
        return perProcess.size() == 1 ? median
                : median + " (" + String.format(format, min(perProcess)) + "–" + String.format(format, max(perProcess)) + ")";
    }
}
