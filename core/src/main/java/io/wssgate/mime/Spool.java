package io.wssgate.mime;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Bytes received once (a request body, a decrypted attachment), read by position as often as
 * the checks need, until released: in memory within the policy's {@link MemoryBudget}
 * ({@link MemorySpool}), or in a temporary file ({@link FileSpool}). Written by a {@link SpoolWriter}.
 */
interface Spool extends AutoCloseable {
    long size();

    /** Reads into {@code dst} from {@code position}, as {@code FileChannel.read(dst, position)}: -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * The same bytes for a reader that outlives this spool (the application's): from here on,
     * closing this spool leaves them to the returned one, whose close releases them.
     */
    Spool handOver() throws IOException;

    /** Releases the bytes (a file is deleted, memory returned to the budget) unless they were handed over. */
    @Override
    void close();
}
