package kmock.internal.k8s.controllers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's time: a base clock (the system's, or one a test injects, such as {@link Clock#fixed}) moved forward
 * by {@link #advance(Duration)}. Timestamps, scheduled transitions and CronJobs all read it, so a test that fixes the
 * base and advances it by hand sees a cluster whose every step is reproducible. Thread-safe.
 */
public final class VirtualClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** A clock that follows the base. */
    public VirtualClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private VirtualClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves this clock forward (never back). */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward; cannot advance by " + step);
        }
        offset.updateAndGet(current -> current.plus(step));
    }

    /** Moves this clock forward to an instant, if it is still ahead. */
    public void advanceTo(Instant instant) {
        Duration step = Duration.between(instant(), instant);
        if (!step.isNegative()) {
            advance(step);
        }
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new VirtualClock(base.withZone(zone), offset);
    }
}
