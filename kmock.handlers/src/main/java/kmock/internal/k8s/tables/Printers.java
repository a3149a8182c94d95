package kmock.internal.k8s.tables;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kmock.api.Resource;

/**
 * Which printer prints a resource: the API server's own printer of a built-in kind (any version of its group), the
 * printer columns of a custom resource's definition, or else the default table of every other resource: NAME and
 * CREATED AT.
 */
public final class Printers {

    /** The default table of resources without a printer of their own. */
    public static final RowPrinter DEFAULT = RowPrinter.of(
            List.of(Column.NAME, new Column("Created At", "date", "", "When the object was created.", 0)),
            (object, now) -> List.of(object.name(), createdAt(object.created())));

    private static final Map<String, RowPrinter> BUILT_IN = builtIn();

    private Printers() {}

    private static Map<String, RowPrinter> builtIn() {
        Map<String, RowPrinter> printers = new HashMap<>();
        printers.put("/pods", new PodPrinter());
        printers.put("/events", new EventPrinter(false));
        printers.put("events.k8s.io/events", new EventPrinter(true));
        WorkloadPrinters.register(printers);
        NetworkPrinters.register(printers);
        CorePrinters.register(printers);
        StoragePrinters.register(printers);
        AccessPrinters.register(printers);
        ScalingPrinters.register(printers);
        return Map.copyOf(printers);
    }

    /**
     * The printer of a resource.
     *
     * @param definition the {@code CustomResourceDefinition} that defines the resource, or {@code null} for none
     */
    public static RowPrinter of(Resource resource, Map<String, Object> definition) {
        if (definition != null) {
            RowPrinter custom = CustomColumns.of(definition, resource.version());
            return custom != null ? custom : DEFAULT;
        }
        return BUILT_IN.getOrDefault(resource.group() + "/" + resource.plural(), DEFAULT);
    }

    /** The resources with a printer of their own, as {@code group/plural} ({@code /pods} for the core group). */
    public static List<String> printed() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    /** {@code creationTimestamp} as the default table shows it: RFC 3339 in UTC, Go's zero time when absent. */
    private static String createdAt(Instant created) {
        return created == null
                ? "0001-01-01T00:00:00Z"
                : DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
    }
}
