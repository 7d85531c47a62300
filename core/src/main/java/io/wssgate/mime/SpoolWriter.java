package io.wssgate.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives bytes once, in memory while the policy's {@link MemoryBudget} can hold them, else in
 * a temporary file: a body whose length is announced goes to memory only if all of it fits;
 * one of unknown length reserves as it grows and moves to a file (what it had, then the rest)
 * at the first chunk the budget cannot grant. Memory is the point: writing a large body to a
 * file costs about as much as digesting it. {@link #finish()} gives the {@link Spool}; closing a
 * writer that was not finished releases what it held.
 */
final class SpoolWriter extends OutputStream {
    static final int CHUNK = 64 * 1024;

    private final MemoryBudget budget;
    private final Path directory;
    private final String prefix;
    private final List<byte[]> chunks = new ArrayList<>();
    private long reserved;
    private long size;
    private Path file;
    private OutputStream out;
    /** Where {@link #append} reads when the spool is a file. */
    private byte[] buffer;
    private byte[] lastArray;
    private int lastOffset;
    private boolean done;

    /**
     * {@code expectedLength}: the announced length, or -1; {@code directory}: where a file goes
     * (null: {@code java.io.tmpdir}); {@code prefix}: the file's name prefix.
     */
    SpoolWriter(MemoryBudget budget, long expectedLength, Path directory, String prefix) throws IOException {
        this.budget = budget;
        this.directory = directory;
        this.prefix = prefix;
        if (expectedLength >= 0 && !reserve(roundUp(expectedLength))) {
            toFile();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null && size + len > reserved && !reserve(roundUp(size + len) - reserved)) {
            toFile();
        }
        if (out != null) {
            out.write(b, off, len);
            size += len;
            return;
        }
        int from = off;
        int left = len;
        while (left > 0) {
            int offset = (int) (size % CHUNK);
            int n = Math.min(left, CHUNK - offset);
            System.arraycopy(b, from, chunkAtEnd(), offset, n);
            from += n;
            left -= n;
            size += n;
        }
    }

    /**
     * Appends the next bytes of {@code in}, read once, straight into the spool's memory (or, for
     * a file, into the buffer written to it): how many, or -1 at the end of {@code in}. Until the
     * next call, {@link #lastArray()} holds them from {@link #lastOffset()}, for the caller to
     * look at without a copy of its own.
     */
    int append(InputStream in) throws IOException {
        if (out == null) {
            int offset = (int) (size % CHUNK);
            if (offset == 0 && chunks.size() == size / CHUNK && size + CHUNK > reserved && !reserve(CHUNK)) {
                toFile();
            }
        }
        if (out != null) {
            if (buffer == null) {
                buffer = new byte[CHUNK];
            }
            int n = in.read(buffer, 0, CHUNK);
            if (n > 0) {
                out.write(buffer, 0, n);
                size += n;
                lastArray = buffer;
                lastOffset = 0;
            }
            return n;
        }
        int offset = (int) (size % CHUNK);
        byte[] chunk = chunkAtEnd();
        int n = in.read(chunk, offset, CHUNK - offset);
        if (n > 0) {
            size += n;
            lastArray = chunk;
            lastOffset = offset;
        }
        return n;
    }

    /** The chunk the next byte goes into, taken from the budget when the last one is full. */
    private byte[] chunkAtEnd() {
        if (size % CHUNK == 0 && chunks.size() == size / CHUNK) {
            chunks.add(budget.chunk(CHUNK));
        }
        return chunks.get((int) (size / CHUNK));
    }

    byte[] lastArray() {
        return lastArray;
    }

    int lastOffset() {
        return lastOffset;
    }

    /** The spool of everything written; the writer is done. */
    Spool finish() throws IOException {
        done = true;
        if (out == null) {
            return new MemorySpool(chunks, CHUNK, size, budget, reserved);
        }
        try {
            out.close();
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return FileSpool.open(file);
    }

    /** Only when not finished: gives back the memory, deletes the file. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        budget.release(reserved);
        reserved = 0;
        budget.recycle(chunks);
        chunks.clear();
        if (out != null) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private boolean reserve(long bytes) {
        if (bytes <= 0) {
            return true;
        }
        if (!budget.tryReserve(bytes)) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    /** From memory to a file (created readable by this user only: POSIX rw-------): what was held, then the rest. */
    private void toFile() throws IOException {
        file = directory == null ? Files.createTempFile(prefix, ".part") : Files.createTempFile(directory, prefix, ".part");
        try {
            out = Files.newOutputStream(file, StandardOpenOption.WRITE);
            for (int i = 0; i < chunks.size(); i++) {
                out.write(chunks.get(i), 0, (int) Math.min(CHUNK, size - (long) i * CHUNK));
            }
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(file);
            throw e;
        }
        budget.recycle(chunks);
        chunks.clear();
        budget.release(reserved);
        reserved = 0;
    }

    private static long roundUp(long bytes) {
        return (bytes + CHUNK - 1) / CHUNK * CHUNK;
    }
}
