package kmock.internal.k8s.tables;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Events of both APIs, core {@code v1} and {@code events.k8s.io/v1}, which a cluster stores as one object and prints
 * alike: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (wide: SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME). An
 * {@code events.k8s.io} event is read through its core field names ({@code regarding} as {@code involvedObject},
 * {@code note} as {@code message}, the {@code deprecated…} fields as the old ones).
 */
final class EventPrinter implements RowPrinter {

    private static final List<Column> COLUMNS = List.of(
            Column.text("Last Seen", "How long ago the event was last seen."),
            Column.text("Type", "Normal or Warning."),
            Column.text("Reason", "Why the event happened, in one word."),
            Column.text("Object", "The object the event is about."),
            Column.text("Subobject", "The part of the object, such as one container.")
                    .wide(),
            Column.text("Source", "The component that reported the event.").wide(),
            Column.text("Message", "What happened."),
            Column.text("First Seen", "How long ago the event was first seen.").wide(),
            Column.text("Count", "How often it happened.").wide(),
            new Column("Name", "string", "name", "The event's name.", 1));

    private final boolean eventsApi;

    /** A printer for core events, or for {@code events.k8s.io} events when {@code eventsApi}. */
    EventPrinter(boolean eventsApi) {
        this.eventsApi = eventsApi;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(Map<String, Object> object, Instant now) {
        Fields event = new Fields(object);
        Fields involved = event.at(eventsApi ? "regarding" : "involvedObject");
        Instant firstTimestamp = event.time(eventsApi ? "deprecatedFirstTimestamp" : "firstTimestamp");
        Instant lastTimestamp = event.time(eventsApi ? "deprecatedLastTimestamp" : "lastTimestamp");
        String first = firstTimestamp != null
                ? Formats.since(firstTimestamp, now)
                : Formats.since(event.time("eventTime"), now);
        String last = lastTimestamp != null ? Formats.since(lastTimestamp, now) : first;
        long count = event.number(eventsApi ? "deprecatedCount" : "count");
        if (event.present("series")) {
            last = Formats.since(event.time("series", "lastObservedTime"), now);
            count = event.number("series", "count");
        } else if (count == 0) {
            count = 1; // a singleton event of the new API has no count
        }
        String kind = involved.text("kind").toLowerCase(Locale.ROOT);
        String target = involved.text("name").isEmpty() ? kind : kind + "/" + involved.text("name");
        Fields source = event.at(eventsApi ? "deprecatedSource" : "source");
        String component = Formats.firstNonEmpty(
                source.text("component"), event.text(eventsApi ? "reportingController" : "reportingComponent"));
        String instance = Formats.firstNonEmpty(source.text("host"), event.text("reportingInstance"));
        return List.of(
                last,
                event.text("type"),
                event.text("reason"),
                target,
                involved.text("fieldPath"),
                instance.isEmpty() ? component : component + ", " + instance,
                event.text(eventsApi ? "note" : "message").strip(),
                first,
                count,
                event.name());
    }
}
