package io.wssgate.mime;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of received MIME packages one policy may hold in memory at once
 * ({@code attachments.memory-budget}); what does not fit is spooled to a temporary file. Shared
 * by the requests in flight, so memory stays bounded however many arrive together: a package
 * is held in memory only while its bytes can be reserved here, and releases them when the
 * application is done with it. The chunks a released package held are kept for the next one
 * (allocating and zeroing fresh memory for every package cost a tenth of the time a 10 MB
 * package took); a chunk is made only when none is idle, and only for bytes reserved, so the
 * chunks in use and idle together never exceed the budget.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong reserved = new AtomicLong();
    private final ConcurrentLinkedQueue<byte[]> idle = new ConcurrentLinkedQueue<>();

    /** {@code limit}: bytes; 0 keeps every package on disk. */
    public MemoryBudget(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a memory budget cannot be negative");
        }
        this.limit = limit;
    }

    /** No memory: every package is spooled to a file. */
    public static MemoryBudget none() {
        return new MemoryBudget(0);
    }

    /** Bytes reserved by packages in memory now. */
    public long inUse() {
        return reserved.get();
    }

    public long limit() {
        return limit;
    }

    /** Reserves {@code bytes} if they fit, all or nothing. */
    boolean tryReserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (bytes > limit - now) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** A chunk of {@code size} bytes for reserved bytes: an idle one, else a new one. */
    byte[] chunk(int size) {
        byte[] chunk = idle.poll();
        return chunk != null && chunk.length == size ? chunk : new byte[size];
    }

    /** Chunks no reader can reach any more, for the next package. */
    void recycle(List<byte[]> chunks) {
        idle.addAll(chunks);
    }
}
