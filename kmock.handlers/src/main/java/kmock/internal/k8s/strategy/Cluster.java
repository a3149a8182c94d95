package kmock.internal.k8s.strategy;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import kmock.api.Resource;

/**
 * What a kind's strategy may see beyond the object it prepares: the time, a random source, and the live objects of
 * a resource (a Service's strategy needs the cluster IPs and node ports already taken). Called under the store's
 * lock, so what it reads cannot change before the write commits.
 */
public interface Cluster {

    /** A cluster with the system clock, a fresh random source, and no objects: for strategies used alone. */
    Cluster EMPTY = of(Clock.systemUTC(), new java.security.SecureRandom(), resource -> List.of());

    /** The clock for timestamps. */
    Clock clock();

    /** The source of allocated values (cluster IPs, node ports). */
    RandomGenerator random();

    /** The live objects of a resource, in all namespaces. */
    List<Map<String, Object>> live(Resource resource);

    /** A timestamp of now as the API server writes it: RFC 3339, UTC, whole seconds. */
    default String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock().instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A cluster of the given parts. */
    static Cluster of(
            Clock clock,
            RandomGenerator random,
            java.util.function.Function<Resource, List<Map<String, Object>>> live) {
        return new Cluster() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public List<Map<String, Object>> live(Resource resource) {
                return live.apply(resource);
            }
        };
    }
}
