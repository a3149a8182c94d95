package kmock.internal.k8s.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * The printer of a custom resource version: NAME, then the {@code additionalPrinterColumns} of its definition (or
 * AGE when it declares none), each cell read with the column's JSONPath and typed as the column says. A column
 * whose path reaches nothing, or a value of another type, gives an empty ({@code null}) cell.
 */
final class CustomColumns implements RowPrinter {

    private final List<Column> columns = new ArrayList<>();
    private final List<JsonPath> paths = new ArrayList<>();

    private CustomColumns() {}

    /** The printer for one version of a definition, or {@code null} when a column's path is outside the supported subset. */
    static RowPrinter of(Map<String, Object> definition, String version) {
        List<Fields> declared = List.of();
        for (Fields entry : new Fields(definition).list("spec", "versions")) {
            if (entry.text("name").equals(version)) {
                declared = entry.list("additionalPrinterColumns");
            }
        }
        CustomColumns printer = new CustomColumns();
        printer.columns.add(Column.NAME);
        if (declared.isEmpty()) {
            printer.add("Age", "date", "", "How long ago the object was created.", 0, ".metadata.creationTimestamp");
            return printer;
        }
        for (Fields column : declared) {
            String path = column.text("jsonPath");
            String description = Formats.orElse(
                    column.text("description"), "Custom resource definition column (in JSONPath format): " + path);
            try {
                printer.add(
                        column.text("name"),
                        column.text("type"),
                        column.text("format"),
                        description,
                        (int) column.number("priority"),
                        path);
            } catch (IllegalArgumentException unsupported) {
                return null;
            }
        }
        return printer;
    }

    private void add(String name, String type, String format, String description, int priority, String path) {
        paths.add(JsonPath.compile(path));
        columns.add(new Column(name, type, format, description, priority));
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<Object> cells(Map<String, Object> object, Instant now) {
        List<Object> cells = new ArrayList<>(columns.size());
        cells.add(new Fields(object).name());
        for (int i = 0; i < paths.size(); i++) {
            cells.add(cell(columns.get(i + 1).type(), paths.get(i).first(object), now));
        }
        return cells;
    }

    private static Object cell(String type, Object value, Instant now) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case "string" ->
                value instanceof Map || value instanceof List
                        ? Json.toText(value)
                        : value instanceof Number number ? Numbers.text(number) : String.valueOf(value);
            case "integer" -> value instanceof Number number ? (Object) number.longValue() : null;
            case "number" -> value instanceof Number number ? (Object) number.doubleValue() : null;
            case "boolean" -> value instanceof Boolean ? value : null;
            case "date" -> {
                if (!(value instanceof String)) {
                    yield null;
                }
                Instant time = Fields.Times.parse(value);
                yield time == null ? "<invalid>" : Formats.since(time, now);
            }
            default -> null;
        };
    }
}
