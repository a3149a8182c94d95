package kmock.internal.k8s.strategy;

import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

import kmock.internal.k8s.schema.GroupVersionKind;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.KubernetesException.Reason;

/**
 * The emulator's single-stack IPv4 service network, as kubeadm sets one up: cluster IPs from {@code 10.96.0.0/12}
 * ({@code 10.96.0.1} being the {@code kubernetes} Service's) and node ports from 30000–32767. Free values are
 * picked at random from the upper part of each range first, leaving the lower part for values users ask for, as
 * the API server's allocators do.
 */
final class ServiceRanges {

    /** The service network. */
    static final String CIDR = "10.96.0.0/12";
    /** The lowest node port. */
    static final int FIRST_PORT = 30000;
    /** The highest node port. */
    static final int LAST_PORT = 32767;

    private static final int BASE = (10 << 24) | (96 << 16);
    private static final int SIZE = 1 << 20;
    /** The lower band of cluster IPs that random allocation leaves for requested values: min(max(16, size/16), 256). */
    private static final int IP_BAND = 256;
    /** The lower band of node ports: min(max(16, size/32), 128) of 2768 ports. */
    private static final int PORT_BAND = 86;

    private static final int KUBERNETES_SERVICE = 1;

    private ServiceRanges() {}

    /** The IPv4 address as an offset in the range, or -1 when it is not in it (or not IPv4). */
    static int offset(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long address = 0;
        for (String part : parts) {
            try {
                int octet = Integer.parseInt(part);
                if (octet < 0 || octet > 255 || part.isEmpty()) {
                    return -1;
                }
                address = (address << 8) | octet;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        long offset = address - (BASE & 0xFFFFFFFFL);
        return offset > 0 && offset < SIZE - 1 ? (int) offset : -1;
    }

    /** The address at an offset of the range. */
    static String address(int offset) {
        int ip = BASE + offset;
        return ((ip >>> 24) & 255) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    /** A free cluster IP. */
    static String nextIp(RandomGenerator random, Set<Integer> used) {
        int found =
                pick(random, IP_BAND, SIZE - 2, 1, offset -> offset != KUBERNETES_SERVICE && !used.contains(offset));
        if (found < 0) {
            throw new KubernetesException(Reason.INTERNAL_ERROR, "failed to allocate a serviceIP: range is full");
        }
        return address(found);
    }

    /** Whether an offset is taken: by another Service or by the {@code kubernetes} Service. */
    static boolean ipTaken(int offset, Set<Integer> used) {
        return offset == KUBERNETES_SERVICE || used.contains(offset);
    }

    /** A free node port. */
    static int nextPort(RandomGenerator random, Set<Integer> used) {
        int found = pick(random, FIRST_PORT + PORT_BAND, LAST_PORT, FIRST_PORT, port -> !used.contains(port));
        if (found < 0) {
            throw new KubernetesException(Reason.INTERNAL_ERROR, "failed to allocate a nodePort: range is full");
        }
        return found;
    }

    /**
     * A free value: random tries in the upper band, then a scan of the upper band from a random start, then of
     * the lower band; -1 when all are taken.
     */
    private static int pick(RandomGenerator random, int upperFirst, int last, int first, IntPredicate free) {
        int span = last - upperFirst + 1;
        for (int attempt = 0; attempt < 32; attempt++) {
            int candidate = upperFirst + random.nextInt(span);
            if (free.test(candidate)) {
                return candidate;
            }
        }
        int start = random.nextInt(span);
        for (int i = 0; i < span; i++) {
            int candidate = upperFirst + (start + i) % span;
            if (free.test(candidate)) {
                return candidate;
            }
        }
        for (int candidate = first; candidate < upperFirst; candidate++) {
            if (free.test(candidate)) {
                return candidate;
            }
        }
        return -1;
    }

    /** A 422 for one invalid field of a Service, worded as the API server's field errors are. */
    static KubernetesException invalid(Map<String, Object> service, String field, Object value, String detail) {
        String name =
                service.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String n ? n : "";
        FieldErrors errors = new FieldErrors();
        errors.invalid(field, value, detail);
        return errors.toException(new GroupVersionKind("", "v1", "Service"), name);
    }
}
