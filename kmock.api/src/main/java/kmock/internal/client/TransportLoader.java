package kmock.internal.client;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import kmock.spi.Transport;

/** Finds the transport to run on: by name (builder, then system property {@code kmock.transport}) or by priority. */
public final class TransportLoader {

    /** The system property that names a transport when several are present. */
    public static final String PROPERTY = "kmock.transport";

    /**
     * The last scan and the context class loader it was made for. A scan reads the service files of every jar on
     * the path, about as long as the rest of a server's start; transports are stateless, so one scan serves every
     * later start under the same loader. (The cached transports keep their own loader reachable until a start
     * under another loader replaces them.)
     */
    private static volatile Scan last;

    private record Scan(WeakReference<ClassLoader> loader, List<Transport> transports) {}

    private TransportLoader() {}

    /** Every transport on the class path or module path, highest priority first. */
    public static List<Transport> available() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Scan scan = last;
        if (scan != null && scan.loader().get() == context && context != null) {
            return scan.transports();
        }
        List<Transport> found = scan();
        last = new Scan(new WeakReference<>(context), found);
        return found;
    }

    private static List<Transport> scan() {
        List<Transport> found = new ArrayList<>();
        ServiceLoader.load(Transport.class).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(Transport.class, Transport.class.getClassLoader())
                    .forEach(found::add);
        }
        found.sort(Comparator.comparingInt(Transport::priority).reversed());
        return List.copyOf(found);
    }

    /**
     * The transport named here, else by the system property, else the one of highest priority.
     *
     * @throws IllegalStateException when none is present, or the named one is not
     */
    public static Transport select(String name) {
        List<Transport> found = available();
        if (found.isEmpty()) {
            throw new IllegalStateException("No KMock transport is on the class path or module path. Add one of the "
                    + "artifacts io.github.kmock:kmock-transport-jdk (JDK HTTP server and client, no dependencies) or "
                    + "io.github.kmock:kmock-transport-jetty (Jetty 12) to the test dependencies.");
        }
        String wanted = name != null && !name.isBlank() ? name : System.getProperty(PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            return found.get(0);
        }
        for (Transport transport : found) {
            if (transport.name().equalsIgnoreCase(wanted.trim())) {
                return transport;
            }
        }
        String names = found.stream().map(Transport::name).collect(Collectors.joining(", "));
        throw new IllegalStateException("No KMock transport named '" + wanted.trim() + "'; present: " + names
                + ". Add io.github.kmock:kmock-transport-" + wanted.trim() + " or pick a present one.");
    }
}
