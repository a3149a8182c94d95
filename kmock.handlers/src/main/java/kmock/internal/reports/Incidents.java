package kmock.internal.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import kmock.api.Request;

/**
 * What went wrong on a handler's server side, thread-safe: the server-side errors with the request that raised
 * each, and the requests that no rule answered with their near-miss reports. At teardown it makes the failure
 * that a strict handler throws.
 */
public final class Incidents {

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Map<Throwable, Request> causes = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<Unmatched> unmatched = new CopyOnWriteArrayList<>();
    private Throwable teardown;

    /** A request that no rule answered, and its near-miss report. */
    private record Unmatched(Request request, String report) {}

    /** Records a server-side error raised while serving a request. */
    public void error(Request request, Throwable error) {
        causes.putIfAbsent(error, request);
        errors.add(error);
    }

    /** The server-side errors, in order. */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /** Records a request that no rule answered. */
    public void unmatched(Request request, String report) {
        unmatched.add(new Unmatched(request, report));
    }

    /** The requests that no rule answered, in order. */
    public List<Request> unmatched() {
        return unmatched.stream().map(Unmatched::request).toList();
    }

    /** The near-miss report of an unmatched request, or {@code null} when it is not one. */
    public String reportOf(Request request) {
        for (int i = unmatched.size() - 1; i >= 0; i--) {
            if (unmatched.get(i).request() == request) {
                return unmatched.get(i).report();
            }
        }
        return null;
    }

    /** The near-miss reports of the first {@code most} unmatched requests, one after the other; empty when none. */
    public String describeUnmatched(int most) {
        List<Unmatched> all = List.copyOf(unmatched);
        StringBuilder text = new StringBuilder();
        for (Unmatched entry : all.subList(0, Math.min(most, all.size()))) {
            text.append(text.length() == 0 ? "" : "\n").append(entry.report());
        }
        if (all.size() > most) {
            text.append("\n… and ").append(all.size() - most).append(" more unmatched requests");
        }
        return text.toString();
    }

    /**
     * The failure to throw at teardown, or {@code null}: with {@code strict}, the first server-side error itself
     * (the others suppressed), each naming the request that raised it; with {@code failOnUnmatched}, an
     * {@link AssertionError} with the near-miss reports (suppressed when there is an error to throw). Made once:
     * closing twice throws the same failure.
     */
    public synchronized Throwable teardownFailure(boolean strict, boolean failOnUnmatched) {
        if (teardown != null) {
            return teardown;
        }
        List<Throwable> all = strict ? List.copyOf(errors) : List.of();
        AssertionError unanswered = failOnUnmatched && !unmatched.isEmpty()
                ? new AssertionError(
                        unmatched.size() + " request(s) matched no rule:\n" + describeUnmatched(Integer.MAX_VALUE))
                : null;
        if (all.isEmpty()) {
            teardown = unanswered;
            return teardown;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable first = all.get(0);
        List<Throwable> distinct = new ArrayList<>();
        for (Throwable error : all) {
            if (seen.add(error)) {
                distinct.add(error);
                Request request = causes.get(error);
                if (request != null) {
                    error.addSuppressed(new WhileServing(request));
                }
            }
        }
        distinct.subList(1, distinct.size()).forEach(first::addSuppressed);
        if (unanswered != null) {
            first.addSuppressed(unanswered);
        }
        teardown = first;
        return teardown;
    }

    /**
     * Throws the {@link #teardownFailure} if there is one, as it was raised: a checked exception too, undeclared, so
     * that a strict handler's {@code close()} throws the original error itself.
     */
    public void throwTeardownFailure(boolean strict, boolean failOnUnmatched) {
        Throwable failure = teardownFailure(strict, failOnUnmatched);
        if (failure != null) {
            throw Incidents.<RuntimeException>unchecked(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable error) throws T {
        throw (T) error;
    }

    /** Names the request during which an error was raised; attached to the error as a suppressed exception. */
    static final class WhileServing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WhileServing(Request request) {
            super("raised by KMock while serving " + request, null, false, false);
        }
    }
}
