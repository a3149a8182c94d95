package kmock.internal.streams;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * The mailbox of one streaming response that is live: batches fed to it wait here until the stream reaches its
 * next feeding point and takes them. A stream drops its mailbox when a feed lets it run to its end, so batches
 * never pile up for a stream that no longer listens. Thread-safe: feeders offer, the stream's thread takes.
 */
public final class LiveFeed {

    private final LinkedBlockingQueue<ReplayableStream> batches = new LinkedBlockingQueue<>();

    /** Queues one fed batch. */
    public void offer(ReplayableStream batch) {
        batches.offer(batch);
    }

    /** The next fed batch, waiting for it; interrupted when the server closes. */
    public ReplayableStream take() throws InterruptedException {
        return batches.take();
    }

    /** How many fed batches wait to be taken. */
    public int pending() {
        return batches.size();
    }
}
