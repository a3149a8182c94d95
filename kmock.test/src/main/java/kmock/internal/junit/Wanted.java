package kmock.internal.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kmock.api.Server;
import kmock.handlers.RawHandler;
import kmock.internal.junit.clients.ClientLibraries;
import kmock.test.Kubeconfig;

/**
 * What a test parameter or field asks the extension for: a handler, the server, a Kubernetes client, or a
 * kubeconfig file.
 *
 * @param kind what it is
 * @param type its declared type
 * @param name how messages name it after its type: {@code parameter 'kmock'} ({@code parameter} when the class was
 *             compiled without {@code -parameters}), {@code field 'client'}
 */
public record Wanted(Kind kind, Class<?> type, String name) {

    /** The kinds of things a test may ask for. */
    public enum Kind {
        /** A {@code RawHandler} or a subclass. */
        HANDLER,
        /** The {@code Server}. */
        SERVER,
        /** A client of a library on the class path (fabric8, client-java). */
        CLIENT,
        /** A {@code @Kubeconfig Path}. */
        KUBECONFIG
    }

    /** What a parameter or field of this type asks for, or {@code null} when it is not for this extension. */
    public static Wanted of(Class<?> type, boolean kubeconfig, String name) {
        if (RawHandler.class.isAssignableFrom(type)) {
            return new Wanted(Kind.HANDLER, type, name);
        }
        if (type == Server.class) {
            return new Wanted(Kind.SERVER, type, name);
        }
        if (kubeconfig && type == Path.class) {
            return new Wanted(Kind.KUBECONFIG, type, name);
        }
        return ClientLibraries.supports(type) ? new Wanted(Kind.CLIENT, type, name) : null;
    }

    /** How messages name it: {@code KubernetesClient parameter 'client'}. */
    public String describe() {
        return type.getSimpleName() + " " + name;
    }

    /** Whether it needs a Kubernetes API behind it. */
    public boolean kubernetes() {
        return kind == Kind.CLIENT || kind == Kind.KUBECONFIG;
    }

    /** The fields of a test instance (its class and superclasses) that ask for something: non-static, non-final. */
    public static List<Field> fields(Class<?> type) {
        List<Field> found = new ArrayList<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers)
                        && !Modifier.isFinal(modifiers)
                        && !field.isSynthetic()
                        && of(field) != null) {
                    found.add(field);
                }
            }
        }
        return found;
    }

    /** What a field asks for, or {@code null}. */
    public static Wanted of(Field field) {
        return of(field.getType(), field.isAnnotationPresent(Kubeconfig.class), "field '" + field.getName() + "'");
    }
}
