import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Pins a module's public surface: writes a javap-style listing of what its module descriptor exports (the public and
 * protected types and members of the unqualified exports, the transitive requires, the services it provides) and
 * compares it with the checked-in listing, so that no change to the API goes unnoticed in review.
 *
 * <p>Run by the build of every published module in {@code verify}:
 * {@code java build/ApiCheck.java <classes dir> <api file> <update>}. With {@code update} = {@code true}
 * ({@code mvn -B verify -Dkmock.api.update=true}) it rewrites the listing instead of failing.
 */
public final class ApiCheck {

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path apiFile = Path.of(args[1]);
        boolean update = Boolean.parseBoolean(args[2]);
        String dump = dump(classes);
        String moduleName = apiFile.getFileName().toString().replaceFirst("\\.api$", "");
        String counts = counts(dump);
        String checkedIn = Files.exists(apiFile) ? Files.readString(apiFile, StandardCharsets.UTF_8) : null;
        if (dump.equals(checkedIn)) {
            System.out.println("API of " + moduleName + " unchanged: " + counts);
            return;
        }
        if (update) {
            Files.createDirectories(apiFile.getParent());
            Files.writeString(apiFile, dump, StandardCharsets.UTF_8);
            System.out.println("API of " + moduleName + " written to " + apiFile + ": " + counts);
            return;
        }
        System.err.println("The public API of " + moduleName + " differs from " + apiFile + " (" + counts + "):");
        System.err.print(difference(checkedIn == null ? "" : checkedIn, dump));
        System.err.println("If the change is intended, run: mvn -B verify -Dkmock.api.update=true");
        System.err.println("and commit the rewritten " + apiFile.getFileName() + " with the change, so review sees it.");
        System.exit(1);
    }

    /** The listing: the module's exported surface, then each accessible type with its members sorted. */
    static String dump(Path classes) throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        StringBuilder out = new StringBuilder("module " + module.name() + "\n");
        Set<String> lines = new java.util.TreeSet<>();
        module.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .forEach(r -> lines.add("  requires transitive " + r.name()));
        List<String> exported = new ArrayList<>();
        module.exports().stream().filter(e -> !e.isQualified()).forEach(e -> {
            exported.add(e.source());
            lines.add("  exports " + e.source());
        });
        module.opens().stream().filter(o -> !o.isQualified()).forEach(o -> lines.add("  opens " + o.source()));
        module.provides().forEach(p -> lines.add("  provides " + p.service()));
        lines.forEach(line -> out.append(line).append('\n'));

        List<String> files = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".class")).map(Path::toString).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            return out.toString();
        }
        TreeMap<String, String> types = new TreeMap<>();
        Set<String> publicTypes = new LinkedHashSet<>();
        String current = null;
        List<String> members = new ArrayList<>();
        Set<String> synthetic = new java.util.HashSet<>();
        for (String file : files) {
            synthetic.addAll(ClassFile.syntheticMembers(Path.of(file)));
        }
        String member = null;
        for (String line : javap(files).split("\n")) {
            if (line.startsWith("Compiled from") || line.isBlank()) {
                continue;
            }
            if (current == null) {
                current = line;
                members.clear();
            } else if (line.startsWith("    descriptor: ")) {
                // Bridges and other compiler-made members are no API: the covariant override they serve is listed.
                String key = typeName(current).replace('.', '/') + " " + memberName(member, typeName(current))
                        + line.substring("    descriptor: ".length());
                if (!synthetic.contains(key)) {
                    members.add(normalise(member));
                }
            } else if (line.equals("}")) {
                String name = typeName(current);
                if (isPublicHeader(current)) {
                    publicTypes.add(name);
                    members.sort(null);
                    StringBuilder type = new StringBuilder("\n").append(current).append('\n');
                    members.forEach(listed -> type.append(listed).append('\n'));
                    types.put(name, type.append("}\n").toString());
                }
                current = null;
            } else {
                member = line;
            }
        }
        // A public nested type is API only when every type around it is accessible too.
        types.forEach((name, text) -> {
            String outer = name;
            while (outer.contains("$")) {
                outer = outer.substring(0, outer.lastIndexOf('$'));
                if (!publicTypes.contains(outer)) {
                    return;
                }
            }
            out.append(text);
        });
        return out.toString();
    }

    private static String javap(List<String> files) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException(
                "javap is missing: run the build on a JDK (module jdk.jdeps), not a JRE"));
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-protected", "-s"));
        args.addAll(files);
        int rc = javap.run(new PrintWriter(text), new PrintWriter(errors), args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("javap failed (" + rc + "): " + errors);
        }
        return text.toString().replace("\r\n", "\n");
    }

    /** The JVM name of a javap member line: {@code <init>} for constructors. */
    private static String memberName(String member, String type) {
        String declaration = member.strip();
        int paren = declaration.indexOf('(');
        String head = paren < 0 ? declaration.substring(0, declaration.length() - 1) : declaration.substring(0, paren);
        String name = head.substring(head.lastIndexOf(' ') + 1);
        return name.equals(type) ? "<init>" : name;
    }

    private static boolean isPublicHeader(String header) {
        return header.startsWith("public ") || header.startsWith("protected ");
    }

    /** The binary name in a javap header: the token after class/interface/enum/record/@interface. */
    private static String typeName(String header) {
        String[] tokens = header.split(" ");
        for (int i = 0; i < tokens.length - 1; i++) {
            if (tokens[i].equals("class") || tokens[i].equals("interface")) {
                String name = tokens[i + 1];
                int generic = name.indexOf('<');
                return generic < 0 ? name : name.substring(0, generic);
            }
        }
        throw new IllegalStateException("Not a javap type header: " + header);
    }

    /** Drops modifiers that do not change what callers may do. */
    private static String normalise(String member) {
        return member.replace(" synchronized ", " ").replace(" native ", " ").replace(" strictfp ", " ")
                .replace(" transient ", " ").replace(" volatile ", " ");
    }

    private static String counts(String dump) {
        long types = dump.lines().filter(line -> !line.startsWith(" ") && !line.equals("}") && !line.isEmpty()
                && !line.startsWith("module ")).count();
        long members = dump.lines().filter(line -> line.startsWith("  ") && !line.startsWith("  requires ")
                && !line.startsWith("  exports ") && !line.startsWith("  opens ") && !line.startsWith("  provides ")).count();
        return types + " public types, " + members + " public members";
    }

    /** The lines only in the old listing ({@code -}) and only in the new one ({@code +}), by type. */
    private static String difference(String before, String after) {
        List<String> old = before.lines().toList();
        List<String> now = after.lines().toList();
        Set<String> oldSet = new LinkedHashSet<>(old);
        Set<String> nowSet = new LinkedHashSet<>(now);
        StringBuilder diff = new StringBuilder();
        String header = null;
        for (String line : now) {
            header = line.startsWith(" ") ? header : line.replaceFirst(" \\{$", "");
            if (!oldSet.contains(line)) {
                diff.append("+ ").append(line.startsWith(" ") && header != null ? header + " :: " + line.strip() : line).append('\n');
            }
        }
        header = null;
        for (String line : old) {
            header = line.startsWith(" ") ? header : line.replaceFirst(" \\{$", "");
            if (!nowSet.contains(line)) {
                diff.append("- ").append(line.startsWith(" ") && header != null ? header + " :: " + line.strip() : line).append('\n');
            }
        }
        return diff.toString();
    }

    /** Just enough of the class file format to find the members the compiler made (bridges, synthetics). */
    static final class ClassFile {
        private static final int BRIDGE = 0x0040;
        private static final int SYNTHETIC = 0x1000;

        /** {@code owner name descriptor} of each bridge or synthetic field and method. */
        static Set<String> syntheticMembers(Path file) throws IOException {
            java.io.DataInputStream in = new java.io.DataInputStream(
                    new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNames[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("Unknown constant pool tag " + tag + " in " + file);
                }
            }
            in.readUnsignedShort();
            String owner = utf8[classNames[in.readUnsignedShort()]];
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            Set<String> found = new java.util.HashSet<>();
            for (int kind = 0; kind < 2; kind++) {
                int members = in.readUnsignedShort();
                for (int m = 0; m < members; m++) {
                    int flags = in.readUnsignedShort();
                    String name = utf8[in.readUnsignedShort()];
                    String descriptor = utf8[in.readUnsignedShort()];
                    if ((flags & (BRIDGE | SYNTHETIC)) != 0) {
                        found.add(owner + " " + name + descriptor);
                    }
                    int attributes = in.readUnsignedShort();
                    for (int a = 0; a < attributes; a++) {
                        in.readUnsignedShort();
                        in.skipBytes(in.readInt());
                    }
                }
            }
            return found;
        }
    }
}
