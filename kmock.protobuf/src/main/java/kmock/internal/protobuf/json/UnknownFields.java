package kmock.internal.protobuf.json;

import java.util.Map;
import java.util.TreeSet;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;

import kmock.internal.protobuf.types.KubernetesTypes;

/**
 * Fields on the wire that the bundled descriptors do not know: a newer Kubernetes than client-java-proto's. Go
 * writes its new non-pointer fields even when unset, so zero-valued ones are skipped; a field that carries data
 * fails the decoding, since dropping it would store another object than the client sent.
 */
final class UnknownFields {

    private UnknownFields() {}

    /** @throws IllegalArgumentException when a message carries data in fields its descriptor does not know */
    static void check(Message message) {
        TreeSet<Integer> carrying = new TreeSet<>();
        for (Map.Entry<Integer, UnknownFieldSet.Field> entry :
                message.getUnknownFields().asMap().entrySet()) {
            if (!isZero(entry.getValue())) {
                carrying.add(entry.getKey());
            }
        }
        if (!carrying.isEmpty()) {
            String numbers = carrying.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            throw new IllegalArgumentException(
                    "the body sets field" + (carrying.size() == 1 ? " " : "s ") + numbers + " of "
                            + message.getDescriptorForType().getFullName() + ", unknown to the Kubernetes types of "
                            + KubernetesTypes.SOURCE + " (a newer Kubernetes field); send this object as JSON instead "
                            + "(for kubectl: kubectl create … --dry-run=client -o json | kubectl create -f -)");
        }
    }

    /** Whether a field holds only what Go writes for an unset non-pointer field: zeros, empty strings, empty structs. */
    private static boolean isZero(UnknownFieldSet.Field field) {
        if (!field.getGroupList().isEmpty()
                || field.getVarintList().stream().anyMatch(v -> v != 0)
                || field.getFixed32List().stream().anyMatch(v -> v != 0)
                || field.getFixed64List().stream().anyMatch(v -> v != 0)) {
            return false;
        }
        for (ByteString bytes : field.getLengthDelimitedList()) {
            if (!bytes.isEmpty() && !isZeroMessage(bytes)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeroMessage(ByteString bytes) {
        try {
            UnknownFieldSet nested = UnknownFieldSet.parseFrom(bytes);
            return nested.asMap().values().stream().allMatch(UnknownFields::isZero);
        } catch (InvalidProtocolBufferException notAMessage) {
            return false;
        }
    }
}
