package kmock.it.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's column output read back into cells: the header's column starts (names are separated by at least three
 * spaces, and contain at most single ones) cut every row, so that empty cells and cells with spaces stay exact.
 */
final class KubectlTables {

    private static final Pattern COLUMN = Pattern.compile("\\S+(?: \\S+)*");

    private KubectlTables() {}

    /** The header and the rows of one table (kubectl's output for one resource), each as its cells. */
    static List<List<String>> parse(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<Integer> starts = new ArrayList<>();
        Matcher matcher = COLUMN.matcher(lines.get(0));
        while (matcher.find()) {
            starts.add(matcher.start());
        }
        List<List<String>> table = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int from = Math.min(starts.get(i), line.length());
                int to = i + 1 < starts.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
                cells.add(line.substring(from, to).strip());
            }
            table.add(cells);
        }
        return table;
    }
}
