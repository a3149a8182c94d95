package kmock.internal.k8s.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import kmock.api.Resource;
import kmock.api.Response;
import kmock.internal.json.Json;
import kmock.internal.k8s.status.StatusReplies;
import kmock.internal.k8s.tables.Printers;
import kmock.internal.k8s.tables.RowPrinter;
import kmock.internal.k8s.tables.Tables;
import kmock.internal.k8s.watch.WatchEvent;

/**
 * The answers of reads in the form they asked for ({@link ReadForm}): objects, tables printed by the resource's
 * printer, or partial objects with only their metadata; for lists, single objects and the events of a watch.
 */
final class ReadReplies {

    private final Function<Resource, Map<String, Object>> definitions;
    private final Clock clock;

    /**
     * @param definitions the {@code CustomResourceDefinition} of a resource, or {@code null} when none defines it
     * @param clock       the time ages are computed at
     */
    ReadReplies(Function<Resource, Map<String, Object>> definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    /** One object. */
    Response object(ReadForm form, Resource resource, Map<String, Object> object) {
        return switch (form.shape()) {
            case OBJECTS -> StatusReplies.json(200, object);
            case METADATA -> StatusReplies.json(200, partial(object, form.apiVersion()));
            case TABLE -> StatusReplies.json(200, table(form, resource, List.of(object), metadataOf(object), true));
        };
    }

    /**
     * A list.
     *
     * @param envelope the list's {@code apiVersion}, {@code kind} and {@code metadata}
     */
    Response list(ReadForm form, Resource resource, Map<String, Object> envelope, List<Map<String, Object>> items) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) envelope.get("metadata");
        Object body =
                switch (form.shape()) {
                    case OBJECTS -> null;
                    case TABLE -> table(form, resource, items, metadata, true);
                    case METADATA -> {
                        List<Object> partials = new ArrayList<>(items.size());
                        items.forEach(item -> partials.add(partial(item, form.apiVersion())));
                        Map<String, Object> list = new LinkedHashMap<>();
                        list.put("kind", "PartialObjectMetadataList");
                        list.put("apiVersion", form.apiVersion());
                        list.put("metadata", metadata);
                        list.put("items", partials);
                        yield list;
                    }
                };
        byte[] json = body == null ? ListBodies.json(envelope, items) : Json.write(body);
        return Response.builder()
                .status(200)
                .header("Content-Type", "application/json")
                .body(json)
                .build();
    }

    /** The lines of one watch: each event's object in the asked form; a table's columns come with the first event only. */
    Function<WatchEvent, byte[]> watch(ReadForm form, Resource resource) {
        if (form.shape() == ReadForm.Shape.OBJECTS) {
            return WatchEvent::toLine;
        }
        boolean[] headers = {true};
        return event -> {
            // A bookmark is a partial object too for metadata watches (their clients decode nothing else); tables
            // and errors pass as they are.
            if (event.type() == WatchEvent.Type.ERROR
                    || event.type() == WatchEvent.Type.BOOKMARK && form.shape() == ReadForm.Shape.TABLE) {
                return event.toLine();
            }
            Map<String, Object> object = event.object();
            Object shown = form.shape() == ReadForm.Shape.METADATA
                    ? partial(object, form.apiVersion())
                    : table(form, resource, List.of(object), metadataOf(object), headers[0]);
            headers[0] = false;
            return ("{\"type\":\"" + event.type().name() + "\",\"object\":" + Json.toText(shown) + "}\n")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private Map<String, Object> table(
            ReadForm form,
            Resource resource,
            List<Map<String, Object>> items,
            Map<String, Object> metadata,
            boolean headers) {
        RowPrinter printer = Printers.of(resource, definitions.apply(resource));
        UnaryOperator<Map<String, Object>> rowObject =
                switch (form.includeObject()) {
                    case "Object" -> object -> object;
                    case "None" -> object -> null;
                    default -> object -> partial(object, form.apiVersion());
                };
        Map<String, Object> tableMetadata = new LinkedHashMap<>();
        for (String key : List.of("resourceVersion", "continue", "remainingItemCount")) {
            if (metadata != null && metadata.get(key) != null) {
                tableMetadata.put(key, metadata.get(key));
            }
        }
        return Tables.of(form.apiVersion(), printer, items, tableMetadata, rowObject, headers, clock.instant());
    }

    /** An object's metadata as a {@code PartialObjectMetadata} of a {@code meta.k8s.io} version. */
    static Map<String, Object> partial(Map<String, Object> object, String apiVersion) {
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", apiVersion);
        partial.put("metadata", object.get("metadata") instanceof Map<?, ?> metadata ? metadata : Map.of());
        return partial;
    }

    private static Map<String, Object> metadataOf(Map<String, Object> object) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (object.get("metadata") instanceof Map<?, ?> meta && meta.get("resourceVersion") != null) {
            metadata.put("resourceVersion", meta.get("resourceVersion"));
        }
        return metadata;
    }
}
