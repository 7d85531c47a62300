package io.wssgate.mime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/** A spool in a temporary file (readable by this user only), deleted when released. */
final class FileSpool implements Spool {
    private final Path file;
    private final FileChannel channel;
    private final long size;
    /** Whether closing deletes the file (not when it was already unlinked, or handed over). */
    private final AtomicBoolean owned;

    private FileSpool(Path file, FileChannel channel, boolean owned) {
        this.file = file;
        this.channel = channel;
        this.owned = new AtomicBoolean(owned);
        try {
            this.size = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a written spool file for reading; the spool owns (and deletes) it from here, also on failure. */
    static FileSpool open(Path file) throws IOException {
        try {
            return new FileSpool(file, FileChannel.open(file, StandardOpenOption.READ), true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
    }

    /**
     * A channel of its own on the file, which is unlinked at once where the platform allows it
     * (its content stays readable through the open channel), else deleted when that spool closes.
     */
    @Override
    public Spool handOver() throws IOException {
        if (!owned.compareAndSet(true, false)) {
            throw new IllegalStateException("the spool was released or handed over");
        }
        FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
        boolean unlinked = delete(file);
        closeChannel();
        return new FileSpool(file, reader, !unlinked);
    }

    @Override
    public void close() {
        closeChannel();
        if (owned.compareAndSet(true, false)) {
            delete(file);
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the file is deleted regardless
        }
    }

    private static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false; // a temporary file: the platform's cleanup remains
        }
    }
}
