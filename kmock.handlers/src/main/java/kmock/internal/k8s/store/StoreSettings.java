package kmock.internal.k8s.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import kmock.api.Resource;

/**
 * The options of an {@link ObjectStore}; the defaults suit the emulator, and tests inject a clock, a random
 * source or a small event window to reach timestamps, generated names and 410 answers deterministically.
 *
 * @param managedMetadata whether writes fill name, namespace, uid, resourceVersion, creationTimestamp,
 *                        generation, apiVersion and kind; without it objects are stored exactly as given
 * @param windowSize      how many recent events are kept for watches and continue tokens (older: 410)
 * @param clock           the source of creation and deletion timestamps
 * @param random          the source of {@code generateName} suffixes
 * @param kinds           the kind of a resource for objects that omit it, or {@code null} when unknown
 * @param generations     how a resource's objects count {@code metadata.generation}
 */
public record StoreSettings(
        boolean managedMetadata,
        int windowSize,
        Clock clock,
        RandomGenerator random,
        Function<Resource, String> kinds,
        Function<Resource, GenerationRule> generations) {

    /** The default size of the event window. */
    public static final int DEFAULT_WINDOW = 10_000;

    /** Checks the options. */
    public StoreSettings {
        if (windowSize < 1) {
            throw new IllegalArgumentException("The event window must hold at least one event, not " + windowSize);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(kinds, "kinds");
        Objects.requireNonNull(generations, "generations");
    }

    /**
     * Managed metadata, a window of {@value #DEFAULT_WINDOW} events, the UTC system clock, no known kinds, and
     * generations counted as for resources without a schema.
     */
    public static StoreSettings defaults() {
        return new StoreSettings(
                true,
                DEFAULT_WINDOW,
                Clock.systemUTC(),
                new SecureRandom(),
                resource -> null,
                resource -> GenerationRule.UNDECLARED);
    }

    /** The same settings with managed metadata switched on or off. */
    public StoreSettings withManagedMetadata(boolean managed) {
        return new StoreSettings(managed, windowSize, clock, random, kinds, generations);
    }

    /** The same settings with another event window size. */
    public StoreSettings withWindowSize(int size) {
        return new StoreSettings(managedMetadata, size, clock, random, kinds, generations);
    }

    /** The same settings with another clock. */
    public StoreSettings withClock(Clock newClock) {
        return new StoreSettings(managedMetadata, windowSize, newClock, random, kinds, generations);
    }

    /** The same settings with another random source. */
    public StoreSettings withRandom(RandomGenerator newRandom) {
        return new StoreSettings(managedMetadata, windowSize, clock, newRandom, kinds, generations);
    }

    /** The same settings with another way to learn a resource's kind. */
    public StoreSettings withKinds(Function<Resource, String> newKinds) {
        return new StoreSettings(managedMetadata, windowSize, clock, random, newKinds, generations);
    }

    /** The same settings with another way to learn how a resource's objects count generations. */
    public StoreSettings withGenerations(Function<Resource, GenerationRule> newGenerations) {
        return new StoreSettings(managedMetadata, windowSize, clock, random, kinds, newGenerations);
    }
}
