package kmock.internal.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The message types of the built-in Kubernetes objects, found by apiVersion and kind. Built once from the
 * descriptor set shipped in this module (written at build time from {@code client-java-proto}). Immutable.
 */
final class KubernetesTypes {

    private static final String RESOURCE = "kubernetes-types.desc";

    /** Messages by proto package and name: {@code k8s.io.api.apps.v1.Deployment}. */
    private final Map<String, Descriptor> messages;
    /** Proto packages by their last two labels: {@code apps.v1} → {@code k8s.io.api.apps.v1}. */
    private final Map<String, String> packages;

    private KubernetesTypes(Map<String, Descriptor> messages, Map<String, String> packages) {
        this.messages = messages;
        this.packages = packages;
    }

    /** The types of the descriptor set bundled with this module. */
    static KubernetesTypes bundled() {
        try (InputStream in = KubernetesTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from kmock-protobuf: the build "
                        + "writes it with kmock.internal.protobuf.DescriptorSetWriter");
            }
            return of(FileDescriptorSet.parseFrom(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The types of a descriptor set whose files come dependencies first. */
    static KubernetesTypes of(FileDescriptorSet set) {
        Map<String, FileDescriptor> files = new HashMap<>();
        Map<String, Descriptor> messages = new HashMap<>();
        Map<String, String> packages = new HashMap<>();
        for (FileDescriptorProto proto : set.getFileList()) {
            FileDescriptor[] dependencies = proto.getDependencyList().stream().map(files::get).toArray(FileDescriptor[]::new);
            FileDescriptor file;
            try {
                file = FileDescriptor.buildFrom(proto, dependencies);
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException("the bundled descriptor " + proto.getName() + " is invalid", e);
            }
            files.put(file.getName(), file);
            List<String> labels = List.of(file.getPackage().split("\\."));
            if (labels.size() >= 2) {
                packages.putIfAbsent(labels.get(labels.size() - 2) + "." + labels.get(labels.size() - 1), file.getPackage());
            }
            for (Descriptor message : file.getMessageTypes()) {
                messages.put(message.getFullName(), message);
            }
        }
        return new KubernetesTypes(Map.copyOf(messages), Map.copyOf(packages));
    }

    /** A message by its full name, such as {@code k8s.io.apimachinery.pkg.apis.meta.v1.Time}; {@code null} if none. */
    Descriptor message(String fullName) {
        return messages.get(fullName);
    }

    /**
     * The message of a kind: {@code ("apps/v1", "Deployment")}. The proto package is named after the group's first
     * label ({@code rbac.authorization.k8s.io} → {@code rbac}; the core group is {@code core}).
     *
     * @throws IllegalArgumentException when no built-in type has that apiVersion and kind
     */
    Descriptor find(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String label = group.isEmpty() ? "core" : group.split("\\.")[0];
        String protoPackage = packages.get(label + "." + version);
        Descriptor message = protoPackage == null ? null : messages.get(protoPackage + "." + kind);
        if (message == null) {
            throw new IllegalArgumentException("no protobuf type is known for kind " + kind + " in " + apiVersion
                    + ": only built-in Kubernetes types are decoded; send custom resources as JSON");
        }
        return message;
    }
}
