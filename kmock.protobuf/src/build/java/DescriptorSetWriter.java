import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Writes the protobuf descriptors of every Kubernetes type in io.kubernetes:client-java-proto as one
 * FileDescriptorSet, dependencies first, so that kmock-protobuf needs only protobuf-java at run time. Run by the
 * build (exec-maven-plugin, generate-resources) with client-java-proto and protobuf-java on the class path:
 * {@code java -cp … DescriptorSetWriter.java OUTPUT}.
 */
public final class DescriptorSetWriter {

    private static final String PACKAGE = "io/kubernetes/client/proto/";

    private DescriptorSetWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java DescriptorSetWriter.java OUTPUT");
            System.exit(2);
        }
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        for (FileDescriptor file : outerClasses()) {
            add(file, files);
        }
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        files.values().forEach(file -> set.addFile(file.toProto()));
        Path output = Path.of(args[0]);
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            set.build().writeTo(out);
        }
        System.out.println("DescriptorSetWriter: " + files.size() + " files, " + Files.size(output) + " bytes -> " + output);
    }

    /** Depth first, so that every file comes after the files it imports. */
    private static void add(FileDescriptor file, Map<String, FileDescriptor> files) {
        if (files.containsKey(file.getName())) {
            return;
        }
        for (FileDescriptor dependency : file.getDependencies()) {
            add(dependency, files);
        }
        files.put(file.getName(), file);
    }

    /** The descriptor of each generated outer class (V1, V1Apps, Meta, …), in a stable order. */
    private static List<FileDescriptor> outerClasses() throws IOException, URISyntaxException, ReflectiveOperationException {
        Class<?> anchor = Class.forName("io.kubernetes.client.proto.V1");
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, FileDescriptor> byClass = new TreeMap<>();
        try (JarFile entries = new JarFile(jar.toFile())) {
            for (var entry : (Iterable<java.util.jar.JarEntry>) entries.stream()::iterator) {
                String name = entry.getName();
                if (name.startsWith(PACKAGE) && name.endsWith(".class") && !name.contains("$")
                        && name.indexOf('/', PACKAGE.length()) < 0) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    Object descriptor = Class.forName(className).getMethod("getDescriptor").invoke(null);
                    byClass.put(className, (FileDescriptor) descriptor);
                }
            }
        }
        return new ArrayList<>(byClass.values());
    }
}
