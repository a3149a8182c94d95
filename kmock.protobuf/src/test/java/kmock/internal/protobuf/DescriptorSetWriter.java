package kmock.internal.protobuf;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Build step, not a test: copies the descriptors of every built-in Kubernetes type out of {@code client-java-proto}
 * into one {@code FileDescriptorSet}, dependencies first, which the module ships instead of the 9 MB jar. Run by
 * the exec plugin with the output path as its argument.
 */
public final class DescriptorSetWriter {

    private static final String PROTO_PACKAGE = "io/kubernetes/client/proto/";

    private DescriptorSetWriter() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, FileDescriptor> ordered = new LinkedHashMap<>();
        for (FileDescriptor file : outerClassDescriptors()) {
            addWithDependencies(file, ordered);
        }
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        ordered.values().forEach(file -> set.addFile(file.toProto()));
        Path output = Path.of(args[0]);
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            set.build().writeTo(out);
        }
        System.out.println("Wrote " + ordered.size() + " Kubernetes proto files (" + Files.size(output) + " bytes) to " + output);
    }

    private static void addWithDependencies(FileDescriptor file, Map<String, FileDescriptor> ordered) {
        if (ordered.containsKey(file.getName())) {
            return;
        }
        for (FileDescriptor dependency : file.getDependencies()) {
            addWithDependencies(dependency, ordered);
        }
        ordered.put(file.getName(), file);
    }

    /** The descriptors of the generated outer classes ({@code V1}, {@code V1Apps}, {@code Meta}, …), in name order. */
    private static List<FileDescriptor> outerClassDescriptors() throws IOException, ReflectiveOperationException {
        URL marker = DescriptorSetWriter.class.getClassLoader().getResource(PROTO_PACKAGE + "V1.class");
        if (marker == null) {
            throw new IllegalStateException("client-java-proto is not on the class path");
        }
        List<String> names = new ArrayList<>();
        try (JarFile jar = ((JarURLConnection) marker.openConnection()).getJarFile()) {
            jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith(PROTO_PACKAGE) && name.endsWith(".class") && !name.contains("$"))
                    .forEach(names::add);
        }
        Collections.sort(names);
        List<FileDescriptor> files = new ArrayList<>();
        for (String name : names) {
            Class<?> outer = Class.forName(name.replace('/', '.').replace(".class", ""));
            Method descriptor = outer.getMethod("getDescriptor");
            files.add((FileDescriptor) descriptor.invoke(null));
        }
        return files;
    }
}
