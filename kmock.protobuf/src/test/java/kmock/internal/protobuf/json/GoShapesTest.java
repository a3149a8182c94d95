package kmock.internal.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;

/** The Go shapes file: its format, and that it covers the bundled descriptors (a guard for regenerating either). */
class GoShapesTest {

    @Test
    void readsFieldsFlagsAndListTypes() throws Exception {
        GoShapes shapes = GoShapes.read(
                new ByteArrayInputStream(String.join("\n", "# comment", "a.B 1:x:pn 2::i 3:y:", "a.L []", "")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                new GoShapes.Field("x", true, false, false),
                shapes.of("a.B").fields().get(1));
        assertEquals(
                new GoShapes.Field("", false, true, true),
                shapes.of("a.B").fields().get(2));
        assertEquals(
                new GoShapes.Field("y", false, true, false),
                shapes.of("a.B").fields().get(3));
        assertTrue(shapes.of("a.L").listType());
        assertEquals(null, shapes.of("a.C"));
        assertThrows(
                IllegalStateException.class,
                () -> GoShapes.read(new ByteArrayInputStream("a.B 1:x".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyBundledMessageHasAShapeButTheKnownExceptions() throws Exception {
        FileDescriptorSet set;
        try (InputStream in =
                GoShapes.class.getResourceAsStream("/kmock/internal/protobuf/types/kubernetes-types.desc")) {
            set = FileDescriptorSet.parseFrom(in);
        }
        Set<String> missing = new TreeSet<>();
        for (FileDescriptorProto file : set.getFileList()) {
            for (DescriptorProto message : file.getMessageTypeList()) {
                String name = file.getPackage() + "." + message.getName();
                if (GoShapes.bundled().of(name) == null) {
                    missing.add(name);
                }
            }
        }
        // Well-known types have their own JSON; the rest are gone from Go (ClaimSource), carry nothing (Patch,
        // CustomResourceSubresourceStatus) or are never a field (core List).
        assertEquals(
                new TreeSet<>(Set.of(
                        "k8s.io.apimachinery.pkg.runtime.RawExtension",
                        "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1",
                        "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime",
                        "k8s.io.apimachinery.pkg.apis.meta.v1.Patch",
                        "k8s.io.apimachinery.pkg.apis.meta.v1.Time",
                        "k8s.io.apimachinery.pkg.api.resource.Quantity",
                        "k8s.io.apimachinery.pkg.api.resource.QuantityValue",
                        "k8s.io.api.core.v1.ClaimSource",
                        "k8s.io.api.core.v1.List",
                        "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1beta1.CustomResourceSubresourceStatus",
                        "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1beta1.JSON")),
                missing);
    }
}
