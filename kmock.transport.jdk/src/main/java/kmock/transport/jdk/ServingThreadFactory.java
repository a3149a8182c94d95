package kmock.transport.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that serve requests on the JDK transport: virtual threads from JDK 24 on, so that a thousand open
 * watches, each blocked on its stream, do not hold a thousand platform threads; daemon platform threads before.
 * Not from 21: until 24 a virtual thread blocked inside {@code synchronized} (the exchange's writes, the JDK
 * server's own streams) pins its carrier, and a few clients that stop reading would stall every request. The
 * build targets 17, so the virtual-thread builder is looked up at run time.
 */
final class ServingThreadFactory {

    /** {@code Thread.ofVirtual().name(prefix, 1).factory()} as a handle from a prefix, or {@code null} before JDK 24. */
    private static final MethodHandle VIRTUAL = virtualFactory();

    private ServingThreadFactory() {}

    /** A factory of threads named {@code prefix} and a number. */
    static ThreadFactory create(String prefix) {
        if (VIRTUAL != null) {
            try {
                return (ThreadFactory) VIRTUAL.invoke(prefix);
            } catch (Throwable unavailable) {
                // fall back to platform threads below
            }
        }
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static MethodHandle virtualFactory() {
        if (Runtime.version().feature() < 24) {
            return null;
        }
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle ofVirtual = lookup.findStatic(
                    Thread.class,
                    "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            MethodHandle name =
                    lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            // prefix -> ofVirtual().name(prefix, 1).factory()
            MethodHandle named = MethodHandles.insertArguments(
                    MethodHandles.collectArguments(name, 0, ofVirtual.asType(MethodType.methodType(builder))), 1, 1L);
            return MethodHandles.filterReturnValue(named, factory);
        } catch (ReflectiveOperationException | RuntimeException before21) {
            return null;
        }
    }
}
