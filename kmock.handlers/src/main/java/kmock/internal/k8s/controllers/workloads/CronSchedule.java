package kmock.internal.k8s.controllers.workloads;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CronJob's schedule in the standard five fields (minute, hour, day of month, month, day of week) with lists,
 * ranges, steps, month and day names, {@code ?}, and the {@code @yearly}, {@code @monthly}, {@code @weekly},
 * {@code @daily}, {@code @hourly} shorthands, read as the cron library of kube-controller-manager reads it: when both
 * day fields are restricted a day matches either.
 */
final class CronSchedule {

    private static final Map<String, String> SHORTHANDS = Map.of(
            "@yearly",
            "0 0 1 1 *",
            "@annually",
            "0 0 1 1 *",
            "@monthly",
            "0 0 1 * *",
            "@weekly",
            "0 0 * * 0",
            "@daily",
            "0 0 * * *",
            "@midnight",
            "0 0 * * *",
            "@hourly",
            "0 * * * *");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String[] fields) {
        minutes = field(fields[0], 0, 59, List.of());
        hours = field(fields[1], 0, 23, List.of());
        daysOfMonth = field(fields[2], 1, 31, List.of());
        months = field(fields[3], 1, 12, MONTHS);
        BitSet days = field(fields[4], 0, 7, DAYS);
        if (days.get(7)) {
            days.set(0);
        }
        daysOfWeek = days;
        anyDayOfMonth = fields[2].startsWith("*") || fields[2].equals("?");
        anyDayOfWeek = fields[4].startsWith("*") || fields[4].equals("?");
    }

    /**
     * Reads a schedule.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static CronSchedule parse(String schedule) {
        String text = schedule == null ? "" : schedule.trim();
        text = SHORTHANDS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
        String[] fields = text.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected exactly 5 fields, found " + fields.length + ": " + schedule);
        }
        return new CronSchedule(fields);
    }

    /** The first scheduled time strictly after an instant, in a zone; {@code null} when none comes within five years. */
    ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime t =
                after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!dayMatches(t)) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!hours.get(t.getHour())) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        return null;
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
    }

    private static BitSet field(String text, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, Integer.MAX_VALUE, List.of(), text);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, names, text);
                to = number(ends[1], min, max, names, text);
            } else {
                from = number(range, min, max, names, text);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException(
                        "beginning of range (" + from + ") beyond end of range (" + to + "): " + text);
            }
            for (int i = from; i <= to; i += step) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, List<String> names, String field) {
        int named = names.indexOf(text.toLowerCase(Locale.ROOT));
        int value;
        if (named >= 0) {
            value = named + min;
        } else {
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("failed to parse int from " + text + ": " + field, e);
            }
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "value (" + value + ") out of range [" + min + ", " + max + "]: " + field);
        }
        return value;
    }
}
