package io.wssgate.mime;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Bytes received once (a request body, a decrypted attachment), read by position as often as
 * the checks need, until released: in memory within the policy's {@link MemoryBudget}
 * ({@link MemorySpool}), or in a temporary file ({@link FileSpool}). Written by a {@link SpoolWriter}.
 */
interface Spool extends AutoCloseable {
    long size();

    /** Reads into {@code dst} from {@code position}, as {@code FileChannel.read(dst, position)}: -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Feeds {@code length} bytes from {@code position} to {@code digest}, read in 64 KiB blocks. */
    default void digest(long position, long length, MessageDigest digest) throws IOException {
        ByteBuffer block = ByteBuffer.allocate((int) Math.max(1, Math.min(64 * 1024, length)));
        long at = position;
        long end = position + length;
        while (at < end) {
            block.clear().limit((int) Math.min(block.capacity(), end - at));
            int n = read(block, at);
            if (n <= 0) {
                throw new EOFException("the spool ends before " + end);
            }
            digest.update(block.array(), 0, n);
            at += n;
        }
    }

    /**
     * The same bytes for a reader that outlives this spool (the application's): from here on,
     * closing this spool leaves them to the returned one, whose close releases them.
     */
    Spool handOver() throws IOException;

    /** Releases the bytes (a file is deleted, memory returned to the budget) unless they were handed over. */
    @Override
    void close();
}
