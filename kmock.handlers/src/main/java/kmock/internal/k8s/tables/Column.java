package kmock.internal.k8s.tables;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of a server-side table, as {@code meta.k8s.io/v1} {@code TableColumnDefinition} describes it: kubectl
 * upper-cases the name for its header, shows priority-0 columns always and the others with {@code -o wide}.
 *
 * @param name        the column's name, such as {@code Ready}
 * @param type        the OpenAPI type of the cells: {@code string}, {@code integer}, {@code number},
 *                    {@code boolean} or {@code date}
 * @param format      an OpenAPI format hint ({@code name} for the object's name), or {@code ""}
 * @param description what the column shows
 * @param priority    0 for the default view, higher for wider views
 */
public record Column(String name, String type, String format, String description, int priority) {

    /** The first column of most tables: the object's name. */
    static final Column NAME =
            new Column("Name", "string", "name", "The object's name, unique within its namespace.", 0);
    /** The age column of most tables. */
    static final Column AGE = text("Age", "How long ago the object was created.");

    /** A string column of the default view. */
    static Column text(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    /** An integer column of the default view. */
    static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    /** A boolean column of the default view. */
    static Column bool(String name, String description) {
        return new Column(name, "boolean", "", description, 0);
    }

    /** The same column, shown only with {@code -o wide}. */
    Column wide() {
        return new Column(name, type, format, description, 1);
    }

    /** The column as JSON writes it: every field, as Go writes them (none is omitted when empty). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type);
        map.put("format", format);
        map.put("description", description);
        map.put("priority", priority);
        return map;
    }
}
