package kmock.internal.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta.Duration;
import io.kubernetes.client.proto.Meta.MicroTime;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime.RawExtension;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1beta1Apiextensions;

import kmock.internal.json.Json;

/**
 * Messages built with client-java-proto's typed builders, written as Kubernetes JSON: the types with their own
 * JSON form, numbers, maps, lists, and what is left out versus written as zero or null.
 */
class MessageJsonTest {

    /** Raw extensions here hold JSON; nested protobuf is the decoder's test. */
    private final MessageJson json = new MessageJson(GoShapes.bundled(), Json::parse);

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Time time(long seconds) {
        return Time.newBuilder().setSeconds(seconds).setNanos(0).build();
    }

    @Test
    void timesAreRfc3339InWholeSecondsAndNullWhenZero() {
        V1.Event event = V1.Event.newBuilder()
                .setFirstTimestamp(Time.newBuilder().setSeconds(1_700_000_000L).setNanos(999_999_999))
                .setLastTimestamp(time(0))
                .setEventTime(MicroTime.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789))
                .setMetadata(ObjectMeta.newBuilder().setCreationTimestamp(Time.getDefaultInstance()))
                .build();
        Map<String, Object> object = json.object(event);
        assertEquals("2023-11-14T22:13:20Z", object.get("firstTimestamp"), "Go drops the nanoseconds of a Time");
        assertEquals(
                "1970-01-01T00:00:00Z", object.get("lastTimestamp"), "seconds 0 on the wire is the epoch, not zero");
        assertEquals("2023-11-14T22:13:20.123456Z", object.get("eventTime"), "MicroTime: six digits, truncated");
        assertEquals(
                map("creationTimestamp", null),
                object.get("metadata"),
                "an empty Time message is Go's zero time: null");
        assertTrue(
                object.containsKey("firstTimestamp") && object.get("series") == null && !object.containsKey("series"));
    }

    @Test
    void durationsAreGoDurationStrings() {
        assertEquals(
                "1h0m0s",
                json.value(Duration.newBuilder().setDuration(3_600_000_000_000L).build()));
        assertEquals(
                "1m30.5s",
                json.value(Duration.newBuilder().setDuration(90_500_000_000L).build()));
        assertEquals("0s", json.value(Duration.getDefaultInstance()));
    }

    @Test
    void quantitiesAreTheirStringsAndZeroWhenUnset() {
        V1.ResourceRequirements resources = V1.ResourceRequirements.newBuilder()
                .putLimits("memory", Quantity.newBuilder().setString("1Gi").build())
                .putLimits("cpu", Quantity.newBuilder().setString("500m").build())
                .putRequests("cpu", Quantity.getDefaultInstance())
                .build();
        Map<String, Object> object = json.object(resources);
        assertEquals(map("cpu", "500m", "memory", "1Gi"), object.get("limits"));
        assertEquals(
                List.of("cpu", "memory"),
                new ArrayList<>(((Map<?, ?>) object.get("limits")).keySet()),
                "map keys sorted, as Go does");
        assertEquals(map("cpu", "0"), object.get("requests"));
    }

    @Test
    void intOrStringIsANumberOrAString() {
        V1.ServicePort number = V1.ServicePort.newBuilder()
                .setPort(80)
                .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(8080))
                .build();
        V1.ServicePort named = V1.ServicePort.newBuilder()
                .setPort(80)
                .setTargetPort(IntOrString.newBuilder().setType(1).setStrVal("http"))
                .build();
        assertEquals(map("port", 80, "targetPort", 8080), json.object(number));
        assertEquals(map("port", 80, "targetPort", "http"), json.object(named));
        assertEquals(
                map("port", 0, "targetPort", 0),
                json.object(V1.ServicePort.getDefaultInstance()),
                "port has no omitempty; targetPort is a non-pointer struct, never left out");
    }

    @Test
    void rawExtensionsEmbedTheirJsonAndAreNullWhenUnset() {
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setData(RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"spec\":{\"a\":[1,\"x\"]}}")))
                .setRevision(3)
                .build();
        assertEquals(
                map(
                        "metadata",
                        map("creationTimestamp", null),
                        "data",
                        map("spec", map("a", List.of(1, "x"))),
                        "revision",
                        3),
                json.object(revision));
        assertEquals(
                map("metadata", map("creationTimestamp", null), "data", null, "revision", 0),
                json.object(V1Apps.ControllerRevision.getDefaultInstance()));
    }

    @Test
    void int64sAreNumbersIntegerWhenTheyFitAndPointersKeepAnExplicitZero() {
        V1.PodSpec spec = V1.PodSpec.newBuilder()
                .setActiveDeadlineSeconds(5_000_000_000L)
                .setTerminationGracePeriodSeconds(0)
                .setAutomountServiceAccountToken(false)
                .setHostNetwork(false)
                .setPriority(7)
                .build();
        Map<String, Object> object = json.object(spec);
        assertEquals(5_000_000_000L, object.get("activeDeadlineSeconds"));
        assertEquals(0, object.get("terminationGracePeriodSeconds"), "a *int64 set to 0 is written");
        assertEquals(false, object.get("automountServiceAccountToken"), "a *bool set to false is written");
        assertTrue(!object.containsKey("hostNetwork"), "a plain bool false with omitempty is left out");
        assertEquals(7, object.get("priority"));
        assertEquals(Integer.class, object.get("priority").getClass());
        assertEquals(null, object.get("containers"), "containers has no omitempty: a nil slice is null");
        assertTrue(object.containsKey("containers"));
    }

    @Test
    void listsKeepOrderAndEmptyElementsAndEmptyOnesFollowOmitempty() {
        V1Rbac.PolicyRule rule = V1Rbac.PolicyRule.newBuilder()
                .addVerbs("get")
                .addVerbs("list")
                .addApiGroups("")
                .addResources("pods")
                .build();
        assertEquals(
                map("verbs", List.of("get", "list"), "apiGroups", List.of(""), "resources", List.of("pods")),
                json.object(rule));
        assertEquals(
                map("metadata", map("creationTimestamp", null), "rules", null),
                json.object(V1Rbac.ClusterRole.getDefaultInstance()),
                "ClusterRole.rules has no omitempty");
        assertEquals(
                map("metadata", map("name", "x", "creationTimestamp", null)),
                json.object(V1.ConfigMap.newBuilder()
                        .setMetadata(ObjectMeta.newBuilder()
                                .setName("x")
                                .setGeneration(0)
                                .setNamespace(""))
                        .build()),
                "empty maps, zero generation and empty namespace are left out");
    }

    @Test
    void bytesAreBase64AndAnAbsentNonOmitemptySliceIsNull() {
        V1.Secret secret = V1.Secret.newBuilder()
                .putData("a", ByteString.copyFromUtf8("1"))
                .putData("empty", ByteString.EMPTY)
                .build();
        assertEquals(map("a", "MQ==", "empty", ""), json.object(secret).get("data"));
        V1Certificates.CertificateSigningRequestSpec csr = V1Certificates.CertificateSigningRequestSpec.newBuilder()
                .setSignerName("s")
                .build();
        Map<String, Object> object = json.object(csr);
        assertTrue(
                object.containsKey("request") && object.get("request") == null,
                "request is a []byte without omitempty: nil is null");
        byte[] der = {1, 2, (byte) 0xff};
        assertEquals(
                "AQL/",
                json.object(csr.toBuilder().setRequest(ByteString.copyFrom(der)).build())
                        .get("request"));
    }

    @Test
    void embeddedStructsAreFlattenedAndRenamedFieldsUseTheirJsonNames() {
        V1.Volume volume = V1.Volume.newBuilder()
                .setName("v")
                .setVolumeSource(V1.VolumeSource.newBuilder().setEmptyDir(V1.EmptyDirVolumeSource.getDefaultInstance()))
                .build();
        assertEquals(map("name", "v", "emptyDir", map()), json.object(volume));
        V1.Probe probe = V1.Probe.newBuilder()
                .setPeriodSeconds(5)
                .setHandler(V1.ProbeHandler.newBuilder()
                        .setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPath("/healthz")
                                .setPort(IntOrString.newBuilder().setType(0).setIntVal(8080))))
                .build();
        assertEquals(map("httpGet", map("path", "/healthz", "port", 8080), "periodSeconds", 5), json.object(probe));
        assertEquals(
                map("kind", "Pod", "name", "p", "uid", "u-1"),
                json.object(V1Authentication.BoundObjectReference.newBuilder()
                        .setKind("Pod")
                        .setName("p")
                        .setUID("u-1")
                        .build()),
                "the protobuf field uID is JSON's uid");
        assertEquals(
                map("apiGroup", "example.com", "kind", "K", "name", "n", "scope", null),
                json.object(V1Networking.IngressClassParametersReference.newBuilder()
                        .setAPIGroup("example.com")
                        .setKind("K")
                        .setName("n")
                        .build()),
                "aPIGroup is apiGroup; scope is a *string without omitempty, so nil is null");
    }

    @Test
    void namedSliceTypesAreArrays() {
        V1Authentication.UserInfo user = V1Authentication.UserInfo.newBuilder()
                .setUsername("ann")
                .putExtra(
                        "scopes",
                        V1Authentication.ExtraValue.newBuilder()
                                .addItems("a")
                                .addItems("b")
                                .build())
                .build();
        assertEquals(map("username", "ann", "extra", map("scopes", List.of("a", "b"))), json.object(user));
    }

    @Test
    void doublesThatAreWholeNumbersParseBackAsIntegers() {
        V1beta1Apiextensions.JSONSchemaProps schema = V1beta1Apiextensions.JSONSchemaProps.newBuilder()
                .setType("number")
                .setMaximum(2.5)
                .setMinimum(3)
                .setXKubernetesPreserveUnknownFields(true)
                .build();
        Map<String, Object> object = json.object(schema);
        assertEquals(2.5, object.get("maximum"));
        assertEquals(3, object.get("minimum"));
        assertEquals(true, object.get("x-kubernetes-preserve-unknown-fields"));
        assertEquals(
                false,
                json.value(V1beta1Apiextensions.JSONSchemaPropsOrBool.newBuilder()
                        .setAllows(false)
                        .build()));
        assertEquals(
                map("type", "string"),
                json.value(V1beta1Apiextensions.JSONSchemaPropsOrBool.newBuilder()
                        .setSchema(V1beta1Apiextensions.JSONSchemaProps.newBuilder()
                                .setType("string"))
                        .build()));
    }

    @Test
    void aMessageWithoutGoShapesLeavesOutZeroScalarsAndKeepsProtobufNames() {
        MessageJson bare = new MessageJson(new GoShapes(new HashMap<>()), Json::parse);
        V1.ServicePort port = V1.ServicePort.newBuilder()
                .setName("")
                .setPort(80)
                .setNodePort(0)
                .build();
        assertEquals(map("port", 80), bare.object(port));
    }

    @Test
    void unknownFieldsAreSkippedWhenZeroAndRefusedWhenTheyCarryData() {
        UnknownFieldSet zero = UnknownFieldSet.newBuilder()
                .addField(90, UnknownFieldSet.Field.newBuilder().addVarint(0).build())
                .addField(
                        91,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.EMPTY)
                                .addLengthDelimited(ByteString.copyFrom(new byte[] {0x0a, 0x00}))
                                .build())
                .build();
        Message withZeros = DynamicMessage.newBuilder(V1.ConfigMap.getDescriptor())
                .setUnknownFields(zero)
                .build();
        assertEquals(map("metadata", map("creationTimestamp", null)), json.object(withZeros));

        UnknownFieldSet data = UnknownFieldSet.newBuilder()
                .addField(
                        90,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFrom("x", StandardCharsets.UTF_8))
                                .build())
                .build();
        Message nested = V1.ConfigMap.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName("n").setUnknownFields(data))
                .build();
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> json.object(nested));
        assertTrue(
                failure.getMessage().contains("field 90 of k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("send this object as JSON"), failure.getMessage());
    }

    @Test
    void theDeploymentOfKubectlCreateHasExactlyTheFieldsOfItsJson() {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(goObjectMeta("web").putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(0)
                        .setSelector(io.kubernetes.client.proto.Meta.LabelSelector.newBuilder()
                                .putMatchLabels("app", "web"))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(goObjectMeta("").putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(V1.Container.newBuilder()
                                                .setName("nginx")
                                                .setImage("nginx:1.27")
                                                .setResources(V1.ResourceRequirements.getDefaultInstance())
                                                .setTerminationMessagePath("")
                                                .setStdin(false))))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType(""))
                        .setMinReadySeconds(0))
                .setStatus(V1Apps.DeploymentStatus.newBuilder().setReplicas(0).setObservedGeneration(0))
                .build();
        Object expected =
                Json.parse("{\"metadata\":{\"name\":\"web\",\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}},"
                        + "\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":"
                        + "{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\","
                        + "\"image\":\"nginx:1.27\",\"resources\":{}}]}},\"strategy\":{}},\"status\":{}}");
        assertEquals(expected, json.object(deployment));
        assertEquals(
                Arrays.asList("metadata", "spec", "status"),
                new ArrayList<>(json.object(deployment).keySet()));
    }

    /** An ObjectMeta as Go puts it on the wire: every non-pointer field, zero or not. */
    private static ObjectMeta.Builder goObjectMeta(String name) {
        return ObjectMeta.newBuilder()
                .setName(name)
                .setGenerateName("")
                .setNamespace("")
                .setSelfLink("")
                .setUid("")
                .setResourceVersion("")
                .setGeneration(0)
                .setCreationTimestamp(Time.getDefaultInstance());
    }
}
