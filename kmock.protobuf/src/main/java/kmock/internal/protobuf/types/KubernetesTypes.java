package kmock.internal.protobuf.types;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The protobuf messages of the Kubernetes API types, from the descriptor set that the build writes out of
 * {@code io.kubernetes:client-java-proto}, found by apiVersion and kind the way the envelope names them.
 */
public final class KubernetesTypes {

    /** Where the descriptors came from, for messages that point users at it. */
    public static final String SOURCE = "io.kubernetes:client-java-proto 24.0.0";

    private static final String RESOURCE = "kubernetes-types.desc";

    /** Top-level messages by protobuf package, then by name (= kind). */
    private final Map<String, Map<String, Descriptor>> packages = new HashMap<>();

    private KubernetesTypes(FileDescriptorSet set) throws DescriptorValidationException {
        Map<String, FileDescriptor> built = new HashMap<>();
        // The build writes every file after the files it imports.
        for (FileDescriptorProto file : set.getFileList()) {
            FileDescriptor[] dependencies = new FileDescriptor[file.getDependencyCount()];
            for (int i = 0; i < dependencies.length; i++) {
                dependencies[i] = built.get(file.getDependency(i));
                if (dependencies[i] == null) {
                    throw new IllegalStateException(
                            file.getName() + " comes before its import " + file.getDependency(i));
                }
            }
            FileDescriptor descriptor = FileDescriptor.buildFrom(file, dependencies);
            built.put(file.getName(), descriptor);
            Map<String, Descriptor> messages = packages.computeIfAbsent(descriptor.getPackage(), p -> new HashMap<>());
            for (Descriptor message : descriptor.getMessageTypes()) {
                messages.put(message.getName(), message);
            }
        }
    }

    /** The bundled types, read once. */
    public static KubernetesTypes bundled() {
        return Bundled.TYPES;
    }

    /**
     * The message of a kind in an apiVersion: {@code v1} is in {@code k8s.io.api.core.v1}, {@code apps/v1} in
     * {@code k8s.io.api.apps.v1}, {@code rbac.authorization.k8s.io/v1} in {@code k8s.io.api.rbac.v1}: the group's
     * first label names the package, wherever it lives ({@code k8s.io.api}, {@code k8s.io.apimachinery}, …).
     *
     * @throws IllegalArgumentException when there is no such message
     */
    public Descriptor find(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        for (String name : candidates(group, version)) {
            Descriptor message = packages.get(name).get(kind);
            if (message != null) {
                return message;
            }
        }
        throw new IllegalArgumentException("no protobuf descriptor for kind " + kind + " in apiVersion " + apiVersion
                + " among the Kubernetes types of " + SOURCE + "; send this object as JSON instead "
                + "(for kubectl: kubectl create … --dry-run=client -o json | kubectl create -f -)");
    }

    /** The packages that may hold a group/version's types, the {@code k8s.io.api} one first, the meta types last. */
    private List<String> candidates(String group, String version) {
        String[] labels = group.split("\\.");
        String segment = group.isEmpty() ? "core" : labels[0];
        // internal.apiserver.k8s.io lives in apiserverinternal.
        String swapped = labels.length > 1 ? labels[1] + labels[0] : segment;
        TreeSet<String> found = new TreeSet<>((a, b) -> a.startsWith("k8s.io.api.") == b.startsWith("k8s.io.api.")
                ? a.compareTo(b)
                : a.startsWith("k8s.io.api.") ? -1 : 1);
        for (String name : packages.keySet()) {
            String[] parts = name.split("\\.");
            if (parts.length >= 2 && parts[parts.length - 1].equals(version)) {
                String owner = parts[parts.length - 2].toLowerCase(Locale.ROOT);
                if (owner.equals(segment) || owner.equals(swapped)) {
                    found.add(name);
                }
            }
        }
        List<String> ordered = new java.util.ArrayList<>(found);
        // Every group version also serves the meta types (Status, DeleteOptions, …).
        String meta = "k8s.io.apimachinery.pkg.apis.meta." + version;
        if (packages.containsKey(meta) && !ordered.contains(meta)) {
            ordered.add(meta);
        }
        return ordered;
    }

    private static final class Bundled {
        static final KubernetesTypes TYPES = load();

        private static KubernetesTypes load() {
            try (InputStream in = KubernetesTypes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            RESOURCE + " is missing from kmock-protobuf: the build writes it from " + SOURCE);
                }
                return new KubernetesTypes(FileDescriptorSet.parseFrom(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException(
                        "the bundled Kubernetes descriptors are inconsistent: " + e.getMessage(), e);
            }
        }
    }
}
