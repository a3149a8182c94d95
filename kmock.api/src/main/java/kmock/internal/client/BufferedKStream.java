package kmock.internal.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import kmock.api.KStream;
import kmock.internal.http.Headers;

/**
 * A {@link KStream} fed by a transport: the transport pushes chunks as they arrive ({@link #receive}), then
 * {@link #finish}; readers take bytes or lines from the buffer. Closing runs the transport's disconnect action.
 */
public final class BufferedKStream implements KStream {

    private final int status;
    private final Map<String, List<String>> headers;
    private final Runnable disconnect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean finished;
    private boolean closed;

    public BufferedKStream(int status, Map<String, ? extends List<String>> headers, Runnable disconnect) {
        this.status = status;
        this.headers = Headers.copyOf(headers);
        this.disconnect = disconnect;
    }

    /** Called by the transport for each chunk of the body. */
    public void receive(byte[] chunk, int offset, int length) {
        lock.lock();
        try {
            if (!closed) {
                buffer.write(chunk, offset, length);
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called by the transport when the body ended, normally or not. */
    public void finish() {
        lock.lock();
        try {
            finished = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public byte[] readAvailable() {
        lock.lock();
        try {
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String readLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                byte[] bytes = buffer.toByteArray();
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        return take(bytes, i, i + 1);
                    }
                }
                if (finished || closed) {
                    return bytes.length == 0 ? null : take(bytes, bytes.length, bytes.length);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private String take(byte[] bytes, int end, int consumed) {
        int stop = end > 0 && bytes[end - 1] == '\r' ? end - 1 : end;
        String line = new String(bytes, 0, stop, StandardCharsets.UTF_8);
        buffer.reset();
        buffer.write(bytes, consumed, bytes.length - consumed);
        return line;
    }

    @Override
    public Stream<String> lines() {
        Iterator<String> iterator = new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    next = readLine(Duration.ofSeconds(1));
                    if (next == null && isFinishedAndDrained()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    private boolean isFinishedAndDrained() {
        lock.lock();
        try {
            return (finished || closed) && buffer.size() == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isFinished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the body ended or the timeout passed; for transports that close after the end. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (!finished) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        disconnect.run();
    }
}
