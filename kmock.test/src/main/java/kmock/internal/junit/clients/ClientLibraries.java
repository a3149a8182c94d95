package kmock.internal.junit.clients;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client libraries present on the class path: an adapter is loaded only when the library's marker class is,
 * so that tests without fabric8 or client-java never touch their names.
 */
public final class ClientLibraries {

    /** A library by the class that shows it is present, and our adapter for it. */
    private record Known(String marker, String adapter) {}

    private static final List<Known> KNOWN = List.of(
            new Known("io.fabric8.kubernetes.client.KubernetesClient", "kmock.internal.junit.clients.Fabric8Library"),
            new Known("io.kubernetes.client.openapi.ApiClient", "kmock.internal.junit.clients.ClientJavaLibrary"));

    private static final List<Known> PRESENT =
            KNOWN.stream().filter(ClientLibraries::present).toList();
    /** One adapter per library present, to ask {@link ClientLibrary#supports} before a test has made any. */
    private static final List<ClientLibrary> PROBES = forOneTest();

    private ClientLibraries() {}

    /** Whether a parameter or field of this type is a client of a library present. */
    public static boolean supports(Class<?> type) {
        return PROBES.stream().anyMatch(library -> library.supports(type));
    }

    /** Fresh adapters of the libraries present, for one test. */
    public static List<ClientLibrary> forOneTest() {
        List<ClientLibrary> libraries = new ArrayList<>();
        for (Known known : PRESENT) {
            try {
                libraries.add((ClientLibrary)
                        Class.forName(known.adapter()).getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException
                    | NoSuchMethodException
                    | InstantiationException
                    | IllegalAccessException e) {
                throw new IllegalStateException("kmock-test is missing its adapter " + known.adapter(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Cannot set up " + known.adapter() + ": " + e.getCause(), e.getCause());
            }
        }
        return libraries;
    }

    private static boolean present(Known known) {
        try {
            Class.forName(known.marker(), false, ClientLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
