package io.wssgate.mime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A spool in memory: fixed-size chunks, their bytes reserved in a {@link MemoryBudget} until
 * closed, when the chunks go back to the budget for another package: from then on every read
 * fails, so no reader can see what the next package writes into them.
 */
final class MemorySpool implements Spool {
    private final List<byte[]> chunks;
    private final int chunkSize;
    private final long size;
    private final MemoryBudget budget;
    private final long reserved;
    private final AtomicBoolean released = new AtomicBoolean();

    MemorySpool(List<byte[]> chunks, int chunkSize, long size, MemoryBudget budget, long reserved) {
        this.chunks = List.copyOf(chunks);
        this.chunkSize = chunkSize;
        this.size = size;
        this.budget = budget;
        this.reserved = reserved;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (released.get()) {
            throw new IOException("the package was released");
        }
        if (position >= size) {
            return -1;
        }
        int total = 0;
        long at = position;
        while (dst.hasRemaining() && at < size) {
            int index = (int) (at / chunkSize);
            int offset = (int) (at % chunkSize);
            int n = (int) Math.min(Math.min(dst.remaining(), chunkSize - offset), size - at);
            dst.put(chunks.get(index), offset, n);
            at += n;
            total += n;
        }
        return total;
    }

    /** Straight from the chunks: nothing is copied. */
    @Override
    public void digest(long position, long length, MessageDigest digest) throws IOException {
        if (released.get()) {
            throw new IOException("the package was released");
        }
        if (position < 0 || length < 0 || position + length > size) {
            throw new IOException("region beyond the spool");
        }
        long at = position;
        long end = position + length;
        while (at < end) {
            int offset = (int) (at % chunkSize);
            int n = (int) Math.min(chunkSize - offset, end - at);
            digest.update(chunks.get((int) (at / chunkSize)), offset, n);
            at += n;
        }
    }

    @Override
    public Spool handOver() {
        // this spool is done (reads fail from here), its chunks the new one's
        if (!released.compareAndSet(false, true)) {
            throw new IllegalStateException("the spool was released or handed over");
        }
        return new MemorySpool(chunks, chunkSize, size, budget, reserved);
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            budget.release(reserved);
            budget.recycle(chunks);
        }
    }
}
