package kmock.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * Each published module's {@code module-info} says exactly what the module uses, as {@code jdeps --check} reads
 * its classes: no {@code requires} it could drop, none it lacks (a {@code transitive} included where its public
 * signatures show another module's types), and no qualified export to a friend that never reads the package.
 * Whether a module's exported signatures show another module's types is the API listing's question (api/*.api
 * names every type they show): jdeps suggests {@code transitive} from the public types of every package,
 * internal ones included, so its suggestion is no measure of what users see.
 * A failure names the module, the line and the change to make.
 */
class ModuleDescriptorsTest {

    private static final List<String> PUBLISHED = List.of(
            "kmock.api",
            "kmock.handlers",
            "kmock.protobuf",
            "kmock.transport.jdk",
            "kmock.transport.jetty",
            "kmock.test",
            "kmock.cli");

    @Test
    void everyRequiresAndQualifiedExportOfThePublishedModulesIsUsed() {
        Map<String, Path> modulePath = modulePath();
        ModuleFinder finder = ModuleFinder.compose(
                ModuleFinder.of(modulePath.values().toArray(Path[]::new)), ModuleFinder.ofSystem());
        String report = jdepsCheck(modulePath);
        List<String> problems = new ArrayList<>();
        for (String module : PUBLISHED) {
            ModuleDescriptor declared = finder.find(module).orElseThrow().descriptor();
            problems.addAll(requiresProblems(
                    declared, section(report, "[Suggested module descriptor for " + module + "]"), finder));
            for (String export : section(report, "[Unused qualified exports in " + module + "]")) {
                problems.add(module + ": '" + export + "', but those modules never use the package: drop them from "
                        + "the exports line (and from module-info-notes.md)");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n\njdeps --check said:\n" + report);
    }

    /**
     * Declared {@code requires} against what jdeps suggests from the classes: each declared module is used, each used
     * one is readable (declared, or implied by a {@code requires transitive}). A {@code requires} that another one
     * implies is allowed: it says the module uses it directly. {@code static} is not compared (jdeps cannot tell an
     * optional dependency).
     */
    private static List<String> requiresProblems(
            ModuleDescriptor declared, List<String> suggested, ModuleFinder finder) {
        Set<String> used = new TreeSet<>();
        for (String line : suggested) {
            String[] words = line.replace(";", "").trim().split("\\s+");
            if (words[0].equals("requires") && !words[1].equals("mandated")) {
                used.add(words[words.length - 1]);
            }
        }
        String module = declared.name();
        Set<String> readable = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor.Requires requires : declared.requires()) {
            if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED)) {
                continue;
            }
            readable.add(requires.name());
            readable.addAll(reexported(requires.name(), finder));
            if (!used.contains(requires.name())) {
                problems.add(module + ": 'requires " + requires.name() + "' is unused: drop it");
            }
        }
        for (String name : used) {
            if (!readable.contains(name)) {
                problems.add(module + ": uses " + name + " without reading it: add 'requires " + name + "'");
            }
        }
        return problems;
    }

    /** The modules that reading {@code name} implies: its {@code requires transitive}, transitively. */
    private static Set<String> reexported(String name, ModuleFinder finder) {
        Set<String> implied = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(name));
        while (!next.isEmpty()) {
            finder.find(next.pop()).ifPresent(reference -> reference.descriptor().requires().stream()
                    .filter(requires -> requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                    .filter(requires -> implied.add(requires.name()))
                    .forEach(requires -> next.add(requires.name())));
        }
        return implied;
    }

    /** The lines under one heading of one module's part of the report. */
    private static List<String> section(String report, String heading) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : report.split("\\R")) {
            if (!line.startsWith("    ")) {
                inside = line.trim().equals(heading);
            } else if (inside) {
                lines.add(line.trim());
            }
        }
        if (!heading.startsWith("[Unused") && lines.isEmpty()) {
            throw new AssertionError("jdeps --check printed no '" + heading + "':\n" + report);
        }
        return lines;
    }

    private static String jdepsCheck(Map<String, Path> modulePath) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("jdeps is missing: run the tests on a JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        String path = String.join(
                File.pathSeparator,
                modulePath.values().stream().map(Path::toString).toList());
        int rc = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(out),
                "--multi-release",
                "17",
                "--module-path",
                path,
                "--check",
                String.join(",", PUBLISHED));
        assertEquals(0, rc, "jdeps --check failed:\n" + out);
        return out.toString();
    }

    /**
     * The published modules (their jars or class folders, as Maven put them on the test class path) and, found the
     * same way, every module they require, transitively: just those, so that the automatic modules of the test's
     * other libraries (whose packages overlap) stay out of the resolution.
     */
    private static Map<String, Path> modulePath() {
        Map<String, Path> available = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.exists(path) || Files.isDirectory(path) && !Files.exists(path.resolve("module-info.class"))) {
                continue;
            }
            try {
                for (ModuleReference module : ModuleFinder.of(path).findAll()) {
                    available.putIfAbsent(module.descriptor().name(), path);
                }
            } catch (FindException notAModule) {
                // a jar whose name derives no valid module name: nothing of ours requires it
            }
        }
        Set<String> system = new TreeSet<>();
        ModuleFinder.ofSystem()
                .findAll()
                .forEach(module -> system.add(module.descriptor().name()));
        Map<String, Path> chosen = new LinkedHashMap<>();
        Deque<String> wanted = new ArrayDeque<>(PUBLISHED);
        Set<String> missing = new LinkedHashSet<>();
        while (!wanted.isEmpty()) {
            String name = wanted.pop();
            if (system.contains(name) || chosen.containsKey(name)) {
                continue;
            }
            Path path = available.get(name);
            if (path == null) {
                missing.add(name);
                continue;
            }
            chosen.put(name, path);
            // Optional dependencies of our modules are analysed too; those of other libraries are not needed.
            ModuleFinder.of(path).find(name).orElseThrow().descriptor().requires().stream()
                    .filter(requires -> PUBLISHED.contains(name)
                            || !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .forEach(requires -> wanted.add(requires.name()));
        }
        assertTrue(
                missing.isEmpty(), "Modules required by the published ones are not on the test class path: " + missing);
        return chosen;
    }
}
