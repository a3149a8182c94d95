package kmock.internal.k8s.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kmock.internal.json.Json;

/**
 * The schemas of the built-in Kubernetes kinds, read once per JVM, on first use, from {@code builtin-schemas.txt}
 * (written by {@code src/build/java/GoSchemas.java} from the Go sources; its header describes the format).
 */
public final class BuiltinSchemas {

    private static final String RESOURCE = "builtin-schemas.txt";

    private final Map<String, ObjectSchema> types;
    private final Map<GroupVersionKind, ObjectSchema> kinds;

    private BuiltinSchemas(Map<String, ObjectSchema> types, Map<GroupVersionKind, ObjectSchema> kinds) {
        this.types = Collections.unmodifiableMap(types);
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    /** The bundled schemas, loaded on the first call. */
    public static BuiltinSchemas get() {
        return Holder.INSTANCE;
    }

    /** The schema of a built-in kind, or {@code null} when it is not one. */
    public ObjectSchema kind(GroupVersionKind gvk) {
        return kinds.get(gvk);
    }

    /** Every built-in kind with its schema. */
    public Map<GroupVersionKind, ObjectSchema> kinds() {
        return kinds;
    }

    /** A type by its OpenAPI definition name ({@code io.k8s.api.core.v1.PodSpec}), or {@code null}. */
    public ObjectSchema type(String definition) {
        return types.get(definition);
    }

    /** Every type by its OpenAPI definition name. */
    public Map<String, ObjectSchema> types() {
        return types;
    }

    private static final class Holder {
        static final BuiltinSchemas INSTANCE = load();
    }

    private static BuiltinSchemas load() {
        try (InputStream in = BuiltinSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from kmock-handlers");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Reads the format of {@code builtin-schemas.txt}. */
    static BuiltinSchemas read(BufferedReader reader) throws IOException {
        Map<String, ObjectSchema> types = new LinkedHashMap<>();
        Map<String, List<String[]>> fieldLines = new HashMap<>();
        Map<GroupVersionKind, String> kindTypes = new LinkedHashMap<>();
        List<String[]> current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "K" -> kindTypes.put(GroupVersionKind.of(parts[1], parts[2]), parts[3]);
                case "T" -> {
                    ObjectSchema type = new ObjectSchema(parts[1]);
                    type.atomic(parts.length > 2 && parts[2].equals("atomic"));
                    types.put(parts[1], type);
                    current = new ArrayList<>();
                    fieldLines.put(parts[1], current);
                }
                case "F" -> {
                    if (current == null) {
                        throw new IllegalStateException("a field before any type: " + line);
                    }
                    current.add(parts);
                }
                default -> throw new IllegalStateException("unreadable line: " + line);
            }
        }
        Set<String> done = new HashSet<>();
        for (String name : types.keySet()) {
            fill(name, types, fieldLines, done);
        }
        Map<GroupVersionKind, ObjectSchema> kinds = new LinkedHashMap<>();
        kindTypes.forEach((gvk, type) -> kinds.put(gvk, types.get(type)));
        return new BuiltinSchemas(types, kinds);
    }

    /** Adds a type's fields, those of inlined types first being filled so that they can be copied in. */
    private static void fill(
            String name, Map<String, ObjectSchema> types, Map<String, List<String[]>> fieldLines, Set<String> done) {
        if (!done.add(name)) {
            return;
        }
        ObjectSchema type = types.get(name);
        for (String[] parts : fieldLines.get(name)) {
            Map<String, String> flags = flags(parts);
            if (flags.containsKey("inline")) {
                String inlined = parts[2].substring("ref:".length());
                fill(inlined, types, fieldLines, done);
                types.get(inlined).fields().values().forEach(type::add);
                continue;
            }
            Schema schema = schema(parts[2], flags, types);
            Object defaultValue = flags.containsKey("default") ? defaultValue(flags.get("default")) : null;
            type.add(new Field(
                    parts[1],
                    schema,
                    flags.containsKey("req"),
                    flags.containsKey("ptr"),
                    flags.containsKey("omitempty"),
                    defaultValue,
                    flags.get("ps"),
                    flags.get("pk")));
        }
    }

    private static Map<String, String> flags(String[] parts) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 3; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return flags;
    }

    /** The schema of a type expression; the field's flags say list and map types and the enum of a scalar. */
    private static Schema schema(String expression, Map<String, String> flags, Map<String, ObjectSchema> types) {
        if (expression.startsWith("list:")) {
            Schema items = schema(expression.substring(5), Map.of(), types);
            List<String> keys = flags.containsKey("lk")
                    ? List.of(flags.get("lk").split(","))
                    : flags.containsKey("pk") ? List.of(flags.get("pk")) : List.of();
            return new ListSchema(items, listType(flags, keys), keys, Constraints.NONE);
        }
        if (expression.startsWith("map:")) {
            return new MapSchema(
                    schema(expression.substring(4), Map.of(), types),
                    "atomic".equals(flags.get("mt")),
                    Constraints.NONE);
        }
        if (expression.startsWith("ref:")) {
            ObjectSchema type = types.get(expression.substring(4));
            if (type == null) {
                throw new IllegalStateException("unknown type " + expression);
            }
            return type;
        }
        if (expression.equals("any") || expression.equals("fields")) {
            return AnySchema.ANY;
        }
        Constraints constraints = flags.containsKey("enum")
                ? Constraints.ofEnum(List.of(flags.get("enum").split("\\|")))
                : Constraints.NONE;
        return new ScalarSchema(scalar(expression), constraints);
    }

    /**
     * The list type as server-side apply derives it: the {@code +listType} marker, else a merge strategy with a
     * key makes a map list and one without a key a set, else the list is atomic.
     */
    private static ListSchema.ListType listType(Map<String, String> flags, List<String> keys) {
        String marker = flags.get("lt");
        if (marker != null) {
            return switch (marker) {
                case "map" -> ListSchema.ListType.MAP;
                case "set" -> ListSchema.ListType.SET;
                default -> ListSchema.ListType.ATOMIC;
            };
        }
        String strategy = flags.getOrDefault("ps", "");
        if (List.of(strategy.split(",")).contains("merge")) {
            return keys.isEmpty() ? ListSchema.ListType.SET : ListSchema.ListType.MAP;
        }
        return ListSchema.ListType.ATOMIC;
    }

    private static ScalarSchema.Type scalar(String expression) {
        return switch (expression) {
            case "string" -> ScalarSchema.Type.STRING;
            case "boolean" -> ScalarSchema.Type.BOOLEAN;
            case "int32" -> ScalarSchema.Type.INT32;
            case "int64" -> ScalarSchema.Type.INT64;
            case "double" -> ScalarSchema.Type.DOUBLE;
            case "bytes" -> ScalarSchema.Type.BYTES;
            case "date-time" -> ScalarSchema.Type.DATE_TIME;
            case "micro-time" -> ScalarSchema.Type.MICRO_TIME;
            case "duration" -> ScalarSchema.Type.DURATION;
            case "quantity" -> ScalarSchema.Type.QUANTITY;
            case "int-or-string" -> ScalarSchema.Type.INT_OR_STRING;
            default -> throw new IllegalStateException("unknown scalar type " + expression);
        };
    }

    private static Object defaultValue(String text) {
        String json = text.replace('\u00a0', ' ');
        try {
            return Json.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return json;
        }
    }
}
