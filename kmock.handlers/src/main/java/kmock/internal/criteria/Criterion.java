package kmock.internal.criteria;

import java.util.function.Predicate;

import kmock.api.Request;
import kmock.api.Resource;

/**
 * One compiled criterion: a test of a request, a description for messages, and what the dispatcher may know
 * about it without running it (whether it is pure, and the literal method or path it requires).
 */
public interface Criterion extends Predicate<Request> {

    /** A short description such as {@code path=/api} for failure messages. */
    String describe();

    /** Whether running it has no side effects and its answer depends only on the request, so it may be skipped. */
    default boolean pure() {
        return true;
    }

    /** The exact decoded path it requires, or {@code null}. */
    default String literalPath() {
        return null;
    }

    /** The exact method it requires, upper case, or {@code null}. */
    default String literalMethod() {
        return null;
    }

    /** The complete resource it names, which Kubernetes handlers then serve in discovery, or {@code null}. */
    default Resource literalResource() {
        return null;
    }

    /** A criterion from a test and a description. */
    static Criterion of(String description, Predicate<Request> test) {
        return new Simple(description, test, true, null, null);
    }

    /** A criterion that may have side effects or change over time: never skipped by the dispatcher's index. */
    static Criterion impure(String description, Predicate<Request> test) {
        return new Simple(description, test, false, null, null);
    }

    /** An exact path. */
    static Criterion path(String path) {
        return new Simple("path=" + path, request -> request.path().equals(path), true, path, null);
    }

    /** An exact method. */
    static Criterion method(String method) {
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        return new Simple("method=" + upper, request -> request.method().equals(upper), true, null, upper);
    }

    /** A Kubernetes resource; {@code null} parts match any value, and a complete one is known to discovery. */
    static Criterion resource(Resource resource) {
        return new Named(resource);
    }

    /** A resource criterion. */
    record Named(Resource resource) implements Criterion {
        @Override
        public boolean test(Request request) {
            return resource.matches(request.resource());
        }

        @Override
        public String describe() {
            return "resource=" + resource;
        }

        @Override
        public Resource literalResource() {
            return resource.isComplete() ? resource : null;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The plain implementation. */
    record Simple(String describe, Predicate<Request> test, boolean pure, String literalPath, String literalMethod)
            implements Criterion {
        @Override
        public boolean test(Request request) {
            return test.test(request);
        }

        @Override
        public String toString() {
            return describe;
        }
    }
}
