package kmock.internal.views;

import java.util.Arrays;

/**
 * A priority as a tuple of levels, compared level by level with missing levels counting as 0, so that
 * {@code fallback().fallback()} sorts below {@code fallback()}. Fallback and override are the extreme levels.
 */
public record Priority(long[] levels) implements Comparable<Priority> {

    /** No level: the priority of plain rules. */
    public static final Priority NONE = new Priority(new long[0]);
    /** The level of {@code fallback()}. */
    public static final long FALLBACK = Long.MIN_VALUE;
    /** The level of {@code override()}. */
    public static final long OVERRIDE = Long.MAX_VALUE;

    /** This tuple with one more level. */
    public Priority then(long level) {
        long[] more = Arrays.copyOf(levels, levels.length + 1);
        more[levels.length] = level;
        return new Priority(more);
    }

    @Override
    public int compareTo(Priority other) {
        int length = Math.max(levels.length, other.levels.length);
        for (int i = 0; i < length; i++) {
            long mine = i < levels.length ? levels[i] : 0;
            long theirs = i < other.levels.length ? other.levels[i] : 0;
            if (mine != theirs) {
                return Long.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Priority priority && compareTo(priority) == 0;
    }

    @Override
    public int hashCode() {
        int length = levels.length;
        while (length > 0 && levels[length - 1] == 0) {
            length--;
        }
        return Arrays.hashCode(Arrays.copyOf(levels, length));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < levels.length; i++) {
            text.append(i == 0 ? "" : ", ")
                    .append(
                            levels[i] == FALLBACK
                                    ? "fallback"
                                    : levels[i] == OVERRIDE ? "override" : String.valueOf(levels[i]));
        }
        return text.append(')').toString();
    }
}
