package io.wssgate.filter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the application writes as its response, held until WSS Gate has secured it: in memory up
 * to {@link #IN_MEMORY} bytes, then in a temporary file (created readable by this user only), so
 * that a response carrying large attachments does not sit in the heap. Closing it deletes the file.
 */
final class ResponseSpool extends OutputStream implements AutoCloseable {
    /** An envelope stays in memory (it is parsed there anyway); a larger response goes to disk. */
    static final int IN_MEMORY = 1 << 20;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream disk;
    private long length;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (disk == null && memory.size() + len > IN_MEMORY) {
            file = Files.createTempFile("wssgate-response-", ".part");
            disk = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(disk);
            memory = null;
        }
        (disk != null ? disk : memory).write(b, off, len);
        length += len;
    }

    /** Forgets everything written so far (the application reset its buffer). */
    void reset() {
        close();
        memory = new ByteArrayOutputStream();
        length = 0;
    }

    long length() {
        return length;
    }

    /** Everything written, from the start. */
    InputStream open() throws IOException {
        if (disk == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        disk.flush();
        return Files.newInputStream(file);
    }

    /** Everything written, as bytes: for a response that is a single envelope (bounded by the securer's parser). */
    byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (disk != null) {
                disk.close();
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            disk = null;
            file = null;
        }
    }
}
