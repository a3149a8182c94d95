package kmock.internal.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

import kmock.api.Request;
import kmock.internal.views.ReactionNode;

/**
 * The declared rules in serving order (highest priority first, ties by declaration), found without scanning them
 * all: rules that require a literal path before anything unskippable are indexed by method and path; the rest are
 * scanned. The candidates of a request are merged in serving order, so the result equals a plain ordered scan.
 */
public final class RuleTable {

    /** Serving order: priority tuple descending, then declaration ascending. */
    public static final Comparator<ReactionNode> ORDER =
            Comparator.comparing(ReactionNode::priorityTuple).reversed().thenComparingLong(ReactionNode::order);

    private final AtomicLong declared = new AtomicLong();
    private final Map<String, NavigableSet<ReactionNode>> indexed = new ConcurrentHashMap<>();
    private final NavigableSet<ReactionNode> scanned = new ConcurrentSkipListSet<>(ORDER);
    private final NavigableSet<ReactionNode> retired = new ConcurrentSkipListSet<>(ORDER);
    private final boolean indexing;

    /** A table that indexes literal-path rules. */
    public RuleTable() {
        this(true);
    }

    /** A table that indexes or, for the equivalence test's reference, scans every rule in order. */
    public RuleTable(boolean indexing) {
        this.indexing = indexing;
    }

    /** Adds a rule. */
    public void add(ReactionNode rule) {
        rule.order(declared.getAndIncrement());
        String key = keyOf(rule);
        if (key == null) {
            scanned.add(rule);
        } else {
            indexed.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>(ORDER))
                    .add(rule);
        }
    }

    /** Drops a depleted rule from the table; it stays among the {@link #retired()} ones for reports. */
    public void remove(ReactionNode rule) {
        retired.add(rule);
        String key = keyOf(rule);
        if (key == null) {
            scanned.remove(rule);
        } else {
            NavigableSet<ReactionNode> bucket = indexed.get(key);
            if (bucket != null) {
                bucket.remove(rule);
            }
        }
    }

    private String keyOf(ReactionNode rule) {
        return indexing ? rule.indexKey() : null;
    }

    /** The rules that may match a request, in serving order; a single source is returned as it is, unmerged. */
    public Iterable<ReactionNode> candidates(Request request) {
        NavigableSet<ReactionNode> exact = indexed.get(request.method() + " " + request.path());
        NavigableSet<ReactionNode> anyMethod = indexed.isEmpty() ? null : indexed.get("* " + request.path());
        boolean scan = !scanned.isEmpty();
        int count = (scan ? 1 : 0) + (exact != null ? 1 : 0) + (anyMethod != null ? 1 : 0);
        if (count == 0) {
            return List.of();
        }
        if (count == 1) {
            return scan ? scanned : exact != null ? exact : anyMethod;
        }
        return () -> {
            List<Iterator<ReactionNode>> sources = new ArrayList<>(3);
            if (scan) {
                sources.add(scanned.iterator());
            }
            if (exact != null) {
                sources.add(exact.iterator());
            }
            if (anyMethod != null) {
                sources.add(anyMethod.iterator());
            }
            return new Merge(sources);
        };
    }

    /** Every rule in serving order: the reference a plain scan would walk. */
    public List<ReactionNode> all() {
        List<ReactionNode> all = new ArrayList<>(scanned);
        indexed.values().forEach(all::addAll);
        all.sort(ORDER);
        return all;
    }

    /** The rules retired because a payload source ran dry, in serving order: near misses to report. */
    public List<ReactionNode> retired() {
        return List.copyOf(retired);
    }

    /** A merge of sorted iterators in serving order. */
    private static final class Merge implements Iterator<ReactionNode> {
        private final List<Iterator<ReactionNode>> sources;
        private final ReactionNode[] heads;

        Merge(List<Iterator<ReactionNode>> sources) {
            this.sources = sources;
            this.heads = new ReactionNode[sources.size()];
            for (int i = 0; i < heads.length; i++) {
                heads[i] = sources.get(i).hasNext() ? sources.get(i).next() : null;
            }
        }

        @Override
        public boolean hasNext() {
            for (ReactionNode head : heads) {
                if (head != null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public ReactionNode next() {
            int best = -1;
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && (best < 0 || ORDER.compare(heads[i], heads[best]) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new NoSuchElementException();
            }
            ReactionNode next = heads[best];
            heads[best] = sources.get(best).hasNext() ? sources.get(best).next() : null;
            return next;
        }
    }
}
