package kmock.internal.k8s.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code meta.k8s.io} {@code Table}s as the API server answers {@code Accept: application/json;as=Table;…}: the
 * column definitions (left out on every watch event after the first), one row per object with its cells, its
 * conditions and the object itself in the form the request asked for, and the list's metadata.
 */
public final class Tables {

    private Tables() {}

    /**
     * A table of objects.
     *
     * @param apiVersion {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}, as the request asked
     * @param printer    the resource's printer
     * @param items      the objects, in order
     * @param metadata   the table's list metadata ({@code resourceVersion}, {@code continue}, …)
     * @param rowObject  what each row carries as its {@code object} (a partial object, the object, or {@code null})
     * @param headers    whether to include the column definitions
     * @param now        the time ages are computed at
     */
    public static Map<String, Object> of(
            String apiVersion,
            RowPrinter printer,
            List<Map<String, Object>> items,
            Map<String, Object> metadata,
            UnaryOperator<Map<String, Object>> rowObject,
            boolean headers,
            Instant now) {
        List<Object> columns = null;
        if (headers) {
            columns = new ArrayList<>();
            for (Column column : printer.columns()) {
                columns.add(column.toMap());
            }
        }
        List<Object> rows = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cells", printer.cells(item, now));
            List<Map<String, Object>> conditions = printer.conditions(item);
            if (conditions != null) {
                row.put("conditions", conditions);
            }
            row.put("object", rowObject.apply(item));
            rows.add(row);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", apiVersion);
        table.put("metadata", metadata);
        table.put("columnDefinitions", columns);
        table.put("rows", rows);
        return table;
    }
}
