package kmock.internal.k8s.tables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the objects of one resource print as table rows: the columns, and the cells of one object computed as the
 * API server's printer computes them. The server always fills every column, wide ones included; kubectl drops the
 * wide ones itself unless asked for {@code -o wide}.
 */
public interface RowPrinter {

    /** The columns, in order. */
    List<Column> columns();

    /** One cell per column for an object, at the time {@code now} (ages are relative to it). */
    List<Object> cells(Map<String, Object> object, Instant now);

    /** Row conditions such as a finished pod's {@code Completed}, or {@code null} for none. */
    default List<Map<String, Object>> conditions(Map<String, Object> object) {
        return null;
    }

    /** A printer from its columns and a cell function. */
    static RowPrinter of(List<Column> columns, Cells cells) {
        return new RowPrinter() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public List<Object> cells(Map<String, Object> object, Instant now) {
                return cells.of(new Fields(object), now);
            }
        };
    }

    /** The cells of one object, read through {@link Fields}. */
    @FunctionalInterface
    interface Cells {
        /** The cells, one per column. */
        List<Object> of(Fields object, Instant now);
    }
}
