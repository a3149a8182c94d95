package kmock.internal.k8s.manifests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads Kubernetes manifests: YAML (multi-document) or JSON, with {@code kind: List} (or {@code *List}) documents
 * unpacked into their items. Every error names the source and the document number.
 */
final class ManifestReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestReader() {}

    /** Every object of a source, in order. @throws IllegalArgumentException naming the source and document */
    static List<Manifest> read(byte[] bytes, String source) {
        List<Manifest> objects = new ArrayList<>();
        int document = 0;
        try (JsonParser parser = YAML.getFactory().createParser(bytes);
                MappingIterator<Object> documents = YAML.readValues(parser, Object.class)) {
            while (true) {
                document++;
                Object value;
                try {
                    if (!documents.hasNextValue()) {
                        break;
                    }
                    value = documents.nextValue();
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            source + ", document " + document + ": not valid YAML or JSON: "
                                    + firstLine(e.getMessage()),
                            e);
                }
                if (value != null) {
                    collect(value, source + ", document " + document, objects);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML or JSON: " + firstLine(e.getMessage()), e);
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, String origin, List<Manifest> into) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    origin + ": expected a Kubernetes object (a mapping), got " + describe(value));
        }
        Object kind = map.get("kind");
        if (kind instanceof String text && text.endsWith("List") && map.get("items") instanceof List<?> items) {
            int index = 0;
            for (Object item : items) {
                collect(item, origin + ", item " + index++, into);
            }
            return;
        }
        for (String field : List.of("apiVersion", "kind")) {
            if (!(map.get(field) instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(origin + ": '" + field + "' is missing");
            }
        }
        if (!(map.get("metadata") instanceof Map<?, ?> metadata)
                || !(metadata.get("name") instanceof String name)
                || name.isBlank()) {
            throw new IllegalArgumentException(origin + ": 'metadata.name' is missing");
        }
        into.add(new Manifest((Map<String, Object>) map, origin));
    }

    private static String describe(Object value) {
        return value instanceof List<?>
                ? "a list"
                : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
