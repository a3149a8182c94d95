import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes builtin-schemas.txt: the schema facts of every Kubernetes API type, read from the Go sources of
 * k8s.io/api, k8s.io/apimachinery and k8s.io/apiextensions-apiserver. Only facts, never the documentation prose:
 * per struct its JSON fields with their types, how Go writes them (pointer, omitempty, inlined), the patch
 * strategy and merge key of the struct tags, the {@code +listType}/{@code +listMapKey}/{@code +mapType}/
 * {@code +structType}/{@code +optional}/{@code +default} markers, the values of {@code +enum} types, and which
 * structs are the kinds of which group-version. The emulator reads it for strategic merge patch, server-side
 * apply, defaulting, validation and pruning.
 *
 * <p>A development-time step, not part of the build (Maven cannot fetch Go sources). Run it on checkouts of the
 * three repositories at one tag:
 * <pre>
 *   java kmock.handlers/src/build/java/GoSchemas.java v0.32.4 /path/to/api /path/to/apimachinery \
 *       /path/to/apiextensions-apiserver &gt; kmock.handlers/src/main/resources/kmock/internal/k8s/schema/builtin-schemas.txt
 * </pre>
 * The file format is described in its header and read by {@code kmock.internal.k8s.schema.BuiltinSchemas}.
 */
public final class GoSchemas {

    private static final Pattern IMPORT_BLOCK = Pattern.compile("(?s)\\nimport \\((.*?)\\n\\)");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*(?:(\\w+)\\s+)?\"([^\"]+)\"");
    private static final Pattern SINGLE_IMPORT = Pattern.compile("(?m)^import (?:(\\w+)\\s+)?\"([^\"]+)\"");
    private static final Pattern STRUCT = Pattern.compile("(?m)^type (\\w+) struct ?\\{(?:\\}|\\n(.*?)^\\})", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("(?m)^type (\\w+) (?:= )?([\\w.\\[\\]*]+)\\s*$");
    private static final Pattern CONST = Pattern.compile("(?m)^\\s*(\\w+)\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:(\\w+)\\s+)?([^`\\s]+)\\s*(?:`([^`]*)`)?\\s*(?://.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("(?m)^const GroupName = \"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("(\\w+):\"([^\"]*)\"");

    /** Go types whose JSON is not their struct's: what they are on the wire. */
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("k8s.io/apimachinery/pkg/apis/meta/v1.Time", "date-time"),
            Map.entry("k8s.io/apimachinery/pkg/apis/meta/v1.MicroTime", "micro-time"),
            Map.entry("k8s.io/apimachinery/pkg/apis/meta/v1.Duration", "duration"),
            Map.entry("k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1", "fields"),
            Map.entry("k8s.io/apimachinery/pkg/api/resource.Quantity", "quantity"),
            Map.entry("k8s.io/apimachinery/pkg/util/intstr.IntOrString", "int-or-string"),
            Map.entry("k8s.io/apimachinery/pkg/runtime.RawExtension", "any"),
            Map.entry("k8s.io/apimachinery/pkg/runtime.Object", "any"),
            Map.entry("k8s.io/apimachinery/pkg/types.UID", "string"),
            Map.entry("k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1.JSON", "any"),
            Map.entry("k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1.JSONSchemaPropsOrArray", "any"),
            Map.entry("k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1.JSONSchemaPropsOrBool", "any"),
            Map.entry("k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1.JSONSchemaPropsOrStringArray", "any"));

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("string", "string"), Map.entry("bool", "boolean"),
            Map.entry("int", "int32"), Map.entry("int32", "int32"), Map.entry("int64", "int64"),
            Map.entry("uint", "int64"), Map.entry("uint32", "int64"), Map.entry("uint64", "int64"), Map.entry("byte", "int32"),
            Map.entry("float32", "double"), Map.entry("float64", "double"), Map.entry("[]byte", "bytes"),
            Map.entry("interface{}", "any"), Map.entry("time.Duration", "int64"));

    /** Package import path → its types. */
    private final Map<String, GoPackage> packages = new TreeMap<>();

    private GoSchemas() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java GoSchemas.java TAG API_ROOT APIMACHINERY_ROOT APIEXTENSIONS_ROOT");
            System.exit(2);
        }
        GoSchemas schemas = new GoSchemas();
        Path api = Path.of(args[1]);
        try (Stream<Path> dirs = Files.walk(api)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("types.go")) && !d.toString().contains("testdata")).sorted().toList()) {
                schemas.read("k8s.io/api/" + api.relativize(dir).toString().replace('\\', '/'), dir);
            }
        }
        Path machinery = Path.of(args[2]);
        for (String dir : List.of("pkg/apis/meta/v1", "pkg/api/resource", "pkg/util/intstr", "pkg/runtime", "pkg/types")) {
            schemas.read("k8s.io/apimachinery/" + dir, machinery.resolve(dir));
        }
        schemas.read("k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1",
                Path.of(args[3]).resolve("pkg/apis/apiextensions/v1"));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        schemas.write(out, args[0]);
        out.flush();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private void read(String importPath, Path dir) throws IOException {
        GoPackage pkg = packages.computeIfAbsent(importPath, GoPackage::new);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".go") && !p.toString().endsWith("_test.go")
                    && !p.getFileName().toString().startsWith("generated.pb")
                    && !p.getFileName().toString().startsWith("zz_generated")).sorted().toList();
        }
        for (Path file : files) {
            String go = Files.readString(file);
            Map<String, String> imports = imports(go);
            Matcher group = GROUP_NAME.matcher(go);
            if (group.find()) {
                pkg.group = group.group(1);
            }
            for (Matcher m = STRUCT.matcher(go); m.find(); ) {
                if (!Character.isUpperCase(m.group(1).charAt(0))) {
                    continue; // unexported: never on the wire by itself
                }
                GoStruct struct = new GoStruct(m.group(1), markers(go, m.start()));
                readFields(struct, m.group(2) == null ? "" : m.group(2), imports);
                pkg.structs.put(struct.name, struct);
            }
            for (Matcher m = NAMED.matcher(go); m.find(); ) {
                pkg.named.put(m.group(1), new GoNamed(m.group(1), qualify(m.group(2), imports), markers(go, m.start())));
            }
            for (Matcher m = CONST.matcher(go); m.find(); ) {
                pkg.constants.computeIfAbsent(m.group(2), k -> new LinkedHashSet<>()).add(m.group(3));
                pkg.constantValues.put(m.group(1), m.group(3));
            }
        }
    }

    private static Map<String, String> imports(String go) {
        Map<String, String> imports = new LinkedHashMap<>();
        Matcher block = IMPORT_BLOCK.matcher(go);
        List<String> lines = new ArrayList<>();
        if (block.find()) {
            lines.addAll(block.group(1).lines().toList());
        }
        for (Matcher single = SINGLE_IMPORT.matcher(go); single.find(); ) {
            lines.add((single.group(1) == null ? "" : single.group(1) + " ") + "\"" + single.group(2) + "\"");
        }
        for (String line : lines) {
            Matcher m = IMPORT_LINE.matcher(line);
            if (m.find()) {
                String path = m.group(2);
                String alias = m.group(1) != null ? m.group(1) : path.substring(path.lastIndexOf('/') + 1);
                imports.put(alias, path);
            }
        }
        return imports;
    }

    /** The {@code +key=value} markers of the comment block right above a position. */
    private static Map<String, List<String>> markers(String go, int position) {
        List<String> comments = new ArrayList<>();
        int end = position;
        while (end > 0) {
            int start = go.lastIndexOf('\n', end - 2) + 1;
            String line = go.substring(start, end).trim();
            if (!line.startsWith("//")) {
                break;
            }
            comments.add(0, line);
            end = start;
        }
        return markersOf(comments);
    }

    private static Map<String, List<String>> markersOf(List<String> comments) {
        Map<String, List<String>> markers = new LinkedHashMap<>();
        for (String comment : comments) {
            String text = comment.substring(2).trim();
            if (text.startsWith("+") && !text.startsWith("+k8s:deepcopy") && !text.startsWith("+genclient")) {
                String[] kv = text.substring(1).split("=", 2);
                markers.computeIfAbsent(kv[0].trim(), k -> new ArrayList<>()).add(kv.length > 1 ? kv[1].trim() : "");
            }
        }
        return markers;
    }

    private static void readFields(GoStruct struct, String body, Map<String, String> imports) {
        List<String> comments = new ArrayList<>();
        for (String line : body.replaceAll("(?s)/\\*.*?\\*/", "").lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("//")) {
                comments.add(trimmed);
                continue;
            }
            if (trimmed.isEmpty()) {
                comments.clear();
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                // Helper structs of apimachinery (several names on one line, func types): never API fields.
                System.err.println("skipped in " + struct.name + ": " + trimmed);
                comments.clear();
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (m.group(3) != null) {
                for (Matcher tag = TAG.matcher(m.group(3)); tag.find(); ) {
                    tags.put(tag.group(1), tag.group(2));
                }
            }
            struct.fields.add(new GoField(m.group(1), qualify(m.group(2), imports), tags, markersOf(comments)));
            comments.clear();
        }
    }

    /** A Go type expression with package aliases replaced by import paths: {@code []metav1.Time → []k8s.io/…/v1.Time}. */
    private static String qualify(String type, Map<String, String> imports) {
        Matcher m = Pattern.compile("([A-Za-z_]\\w*)\\.([A-Z]\\w*)").matcher(type);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = imports.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement((path == null ? m.group(1) : path) + "." + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private void write(PrintStream out, String tag) {
        out.println("# Schema facts of the Kubernetes API types, generated by kmock.handlers/src/build/java/GoSchemas.java");
        out.println("# from k8s.io/api, k8s.io/apimachinery and k8s.io/apiextensions-apiserver " + tag + ". Facts only, no prose.");
        out.println("# K <group/version> <Kind> <type>        a kind of a group-version and the type that holds it");
        out.println("# T <type> [atomic]                        a struct; its fields follow");
        out.println("# F <json name> <type expression> [flags]  type expressions: string boolean int32 int64 double bytes");
        out.println("#   date-time micro-time duration quantity int-or-string fields any, ref:<type>, list:<expr>, map:<expr>");
        out.println("#   flags: ptr omitempty inline req ps=<patch strategy> pk=<merge key> lt=<list type> lk=<key,key>");
        out.println("#   mt=<map type> enum=<a|b> default=<JSON>");
        Map<String, String> kinds = new TreeMap<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>();
        packages.values().forEach(pkg -> pkg.structs.values().forEach(struct -> {
            if (isKind(struct) && pkg.group != null && !pkg.path.startsWith("k8s.io/apimachinery/")) {
                kinds.put(pkg.groupVersion() + " " + struct.name, definition(pkg.path, struct.name));
                pending.add(pkg.path + "." + struct.name);
            }
        }));
        for (String meta : List.of("Status", "DeleteOptions", "WatchEvent", "PartialObjectMetadata",
                "PartialObjectMetadataList", "Table", "APIResourceList", "APIGroupList", "APIVersions")) {
            pending.add("k8s.io/apimachinery/pkg/apis/meta/v1." + meta);
        }
        // Only the types reachable from the kinds: apimachinery holds many Go-only structs besides.
        Map<String, List<String>> types = new TreeMap<>();
        while (!pending.isEmpty()) {
            String goType = pending.poll();
            int dot = goType.lastIndexOf('.');
            GoPackage pkg = packages.get(goType.substring(0, dot));
            GoStruct struct = pkg.structs.get(goType.substring(dot + 1));
            String name = definition(pkg.path, struct.name);
            if (types.containsKey(name)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            lines.add("T " + name + (struct.markers.containsKey("structType")
                    && struct.markers.get("structType").contains("atomic") ? " atomic" : ""));
            for (GoField field : struct.fields) {
                String line = fieldLine(pkg, field, pending);
                if (line != null) {
                    lines.add(line);
                }
            }
            types.put(name, lines);
        }
        kinds.forEach((gvk, name) -> out.println("K " + gvk + " " + name));
        types.values().forEach(lines -> lines.forEach(out::println));
    }

    private static boolean isKind(GoStruct struct) {
        boolean typeMeta = false;
        boolean objectMeta = false;
        for (GoField field : struct.fields) {
            typeMeta |= field.name == null && field.type.endsWith("meta/v1.TypeMeta");
            objectMeta |= "ObjectMeta".equals(field.name) || "ObjectMeta".equals(simple(field.type));
        }
        return typeMeta && objectMeta;
    }

    private String fieldLine(GoPackage pkg, GoField field, java.util.Deque<String> pending) {
        String json = field.tags.getOrDefault("json", null);
        if (json == null && field.name != null) {
            return null; // not serialised
        }
        String[] parts = (json == null ? "" : json).split(",");
        String jsonName = parts[0];
        if (jsonName.equals("-")) {
            return null;
        }
        boolean inline = List.of(parts).contains("inline") || (field.name == null && jsonName.isEmpty());
        boolean omitempty = List.of(parts).contains("omitempty");
        String goType = field.type;
        boolean pointer = goType.startsWith("*");
        if (pointer) {
            goType = goType.substring(1);
        }
        if (inline && goType.endsWith("meta/v1.TypeMeta")) {
            return "F apiVersion string omitempty\nF kind string omitempty";
        }
        Resolved resolved = resolve(pkg, goType, pending);
        StringBuilder line = new StringBuilder("F ").append(inline ? "-" : jsonName).append(' ').append(resolved.expression);
        if (pointer) {
            line.append(" ptr");
        }
        if (omitempty) {
            line.append(" omitempty");
        }
        if (inline) {
            line.append(" inline");
        }
        if (!inline && !omitempty && !field.markers.containsKey("optional")) {
            line.append(" req");
        }
        String strategy = field.tags.get("patchStrategy");
        if (strategy != null && !strategy.isEmpty()) {
            line.append(" ps=").append(strategy);
        }
        String mergeKey = field.tags.get("patchMergeKey");
        if (mergeKey != null && !mergeKey.isEmpty()) {
            line.append(" pk=").append(mergeKey);
        }
        List<String> listType = field.markers.getOrDefault("listType", resolved.markers.get("listType"));
        if (listType != null) {
            line.append(" lt=").append(listType.get(0));
        }
        List<String> listKeys = field.markers.getOrDefault("listMapKey", resolved.markers.get("listMapKey"));
        if (listKeys != null) {
            line.append(" lk=").append(String.join(",", listKeys));
        }
        List<String> mapType = field.markers.getOrDefault("mapType", resolved.markers.get("mapType"));
        if (mapType != null) {
            line.append(" mt=").append(mapType.get(0));
        }
        if (!resolved.enumValues.isEmpty()) {
            line.append(" enum=").append(String.join("|", resolved.enumValues));
        }
        List<String> defaults = field.markers.get("default");
        if (defaults != null) {
            String value = defaults.get(0);
            if (value.startsWith("ref(") && value.endsWith(")")) {
                // A named constant of the package, such as ref(AzureDataDiskCachingReadWrite): its string value.
                String constant = pkg.constantValues.get(value.substring(4, value.length() - 1));
                value = constant == null ? null : "\"" + constant + "\"";
            }
            if (value != null) {
                line.append(" default=").append(value.replace(' ', '\u00a0'));
            }
        }
        return line.toString();
    }

    /** What a Go type is on the wire, following named types to their underlying types. */
    private Resolved resolve(GoPackage context, String goType, java.util.Deque<String> pending) {
        if (PRIMITIVES.containsKey(goType)) {
            return new Resolved(PRIMITIVES.get(goType), List.of(), Map.of());
        }
        if (goType.startsWith("[]")) {
            Resolved item = resolve(context, goType.substring(2).replaceFirst("^\\*", ""), pending);
            return new Resolved("list:" + item.expression, item.enumValues, Map.of());
        }
        if (goType.startsWith("map[")) {
            int close = goType.indexOf(']');
            Resolved value = resolve(context, goType.substring(close + 1).replaceFirst("^\\*", ""), pending);
            return new Resolved("map:" + value.expression, List.of(), Map.of());
        }
        String path = context.path;
        String name = goType;
        int dot = goType.lastIndexOf('.');
        if (dot > 0) {
            path = goType.substring(0, dot);
            name = goType.substring(dot + 1);
        }
        String special = SPECIAL.get(path + "." + name);
        if (special != null) {
            return new Resolved(special, List.of(), Map.of());
        }
        GoPackage pkg = packages.get(path);
        if (pkg == null) {
            throw new IllegalStateException("unknown package " + path + " of " + goType);
        }
        if (pkg.structs.containsKey(name)) {
            pending.add(path + "." + name);
            return new Resolved("ref:" + definition(path, name), List.of(), Map.of());
        }
        GoNamed named = pkg.named.get(name);
        if (named == null) {
            throw new IllegalStateException("unknown type " + goType + " in " + context.path);
        }
        Resolved underlying = resolve(pkg, named.underlying, pending);
        List<String> values = named.markers.containsKey("enum")
                ? List.copyOf(pkg.constants.getOrDefault(name, Set.of())) : underlying.enumValues;
        Map<String, List<String>> markers = new LinkedHashMap<>(underlying.markers);
        markers.putAll(named.markers);
        return new Resolved(underlying.expression, values, markers);
    }

    /** The OpenAPI definition name of a Go type: {@code k8s.io/api/core/v1.Pod → io.k8s.api.core.v1.Pod}. */
    private static String definition(String importPath, String name) {
        return "io." + importPath.replaceFirst("^k8s\\.io/", "k8s/").replace('/', '.') + "." + name;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private record Resolved(String expression, List<String> enumValues, Map<String, List<String>> markers) {
    }

    private static final class GoPackage {
        final String path;
        final Map<String, GoStruct> structs = new TreeMap<>();
        final Map<String, GoNamed> named = new TreeMap<>();
        final Map<String, Set<String>> constants = new TreeMap<>();
        /** Constant name → string value, for {@code +default=ref(Name)}. */
        final Map<String, String> constantValues = new TreeMap<>();
        String group;

        GoPackage(String path) {
            this.path = path;
        }

        String groupVersion() {
            String version = path.substring(path.lastIndexOf('/') + 1);
            return group == null || group.isEmpty() ? version : group + "/" + version;
        }
    }

    private record GoStruct(String name, Map<String, List<String>> markers, List<GoField> fields) {
        GoStruct(String name, Map<String, List<String>> markers) {
            this(name, markers, new ArrayList<>());
        }
    }

    private record GoField(String name, String type, Map<String, String> tags, Map<String, List<String>> markers) {
    }

    private record GoNamed(String name, String underlying, Map<String, List<String>> markers) {
    }
}
