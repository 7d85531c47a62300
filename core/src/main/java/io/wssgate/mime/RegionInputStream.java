package io.wssgate.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads one region of a {@link Spool} by position, never holding more than the caller's buffer.
 * {@link #mark(int)} and {@link #reset()} only move the position, so a reader that must read a
 * part twice (WSS4J marks an attachment stream before digesting it) rereads the spool instead of
 * buffering the whole part again.
 */
final class RegionInputStream extends InputStream {
    private final Spool spool;
    private final long start;
    private final long end;
    private long position;
    private long mark;
    /** The caller's last array and its buffer view: readers reuse one array, so a read allocates nothing. */
    private byte[] array;
    private ByteBuffer view;

    RegionInputStream(Spool spool, long start, long length) {
        this.spool = spool;
        this.start = start;
        this.end = start + length;
        this.position = start;
        this.mark = start;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(len, end - position);
        if (b != array) {
            array = b;
            view = ByteBuffer.wrap(b);
        }
        view.clear().limit(off + wanted).position(off);
        int n = spool.read(view, position);
        if (n <= 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    /** The spool belongs to the package; closing one view of it closes nothing. */
    @Override
    public void close() {
        position = end;
        array = null;
        view = null;
    }

    long start() {
        return start;
    }
}
