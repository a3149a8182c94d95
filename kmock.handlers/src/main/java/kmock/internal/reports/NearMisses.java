package kmock.internal.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import kmock.api.Request;
import kmock.internal.views.ReactionNode;

/**
 * The near-miss report of a request that no rule answered: the closest answering rules (up to three, fewest
 * differences first, then in serving order), each with one line per criterion it failed, what was expected
 * against what arrived. Spies are left out: they never answer.
 *
 * <pre>
 * GET /users/2 matched no rule; the closest of 2 rules:
 *   1. kmock.on("get /users").reply(…)
 *        path: expected /users, got /users/2
 *   2. kmock.on("post /users").reply(…)
 *        method: expected POST, got GET
 *        path: expected /users, got /users/2
 * </pre>
 */
public final class NearMisses {

    /** How many rules a report lists at most. */
    static final int CLOSEST = 3;

    private NearMisses() {}

    private record Candidate(ReactionNode rule, List<String> mismatches, int rank) {}

    /** The report for one request, given the rules in serving order (live and retired ones). */
    public static String describe(Request request, List<ReactionNode> rules) {
        List<Candidate> candidates = new ArrayList<>();
        for (ReactionNode rule : rules) {
            if (!rule.isSpy()) {
                candidates.add(new Candidate(rule, rule.mismatches(request), candidates.size()));
            }
        }
        StringBuilder text = new StringBuilder(requestLine(request)).append(" matched no rule");
        if (candidates.isEmpty()) {
            return text.append("; no rules are declared.").toString();
        }
        candidates.sort(
                Comparator.comparingInt((Candidate c) -> c.mismatches().size()).thenComparingInt(Candidate::rank));
        text.append("; the closest of ")
                .append(candidates.size())
                .append(candidates.size() == 1 ? " rule:" : " rules:");
        int number = 1;
        for (Candidate candidate : candidates.subList(0, Math.min(CLOSEST, candidates.size()))) {
            text.append("\n  ").append(number++).append(". ").append(candidate.rule());
            for (String line : candidate.mismatches()) {
                text.append("\n       ").append(line);
            }
        }
        return text.toString();
    }

    /** Method and target as sent, and the body size: what identifies a request in a report. */
    static String requestLine(Request request) {
        String path = request.url().getRawPath();
        String target = (path == null || path.isEmpty() ? "/" : path)
                + (request.url().getRawQuery() == null
                        ? ""
                        : "?" + request.url().getRawQuery());
        int size = request.body().length;
        return request.method() + " " + target + (size == 0 ? "" : " [" + size + " bytes]");
    }
}
