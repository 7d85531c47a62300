package io.wssgate.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request that arrived as a {@code multipart/related} package, checked and spooled to one
 * temporary file: its root part (the SOAP envelope, in memory and bounded like any message)
 * and its attachments (on disk, read by position). The application later receives exactly the
 * bytes that arrived ({@link #handOver(Optional)}), so the parts WSS Gate verified are the
 * parts the application's own MIME parser finds. Closing the package deletes the file.
 */
public final class MimePackage implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final String contentType;
    private final MimePart root;
    private final byte[] rootBytes;
    private final List<MimePart> attachments;
    private final long length;
    private final AtomicBoolean handedOver = new AtomicBoolean();

    MimePackage(Path file, FileChannel channel, String contentType, MimePart root, byte[] rootBytes,
                List<MimePart> attachments) {
        this.file = file;
        this.channel = channel;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.root = root;
        this.rootBytes = rootBytes;
        this.attachments = List.copyOf(attachments);
        try {
            this.length = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP Content-Type the package arrived with ({@code multipart/related; boundary=...}). */
    public String contentType() {
        return contentType;
    }

    public MimePart root() {
        return root;
    }

    /**
     * The Content-Type of the envelope the root part carries: the root part's own, or for an XOP
     * (MTOM) root, the media type its {@code type} parameter names with the root's charset.
     */
    public String envelopeContentType() {
        if (!"application/xop+xml".equals(root.mediaType())) {
            return root.contentType();
        }
        java.util.Map<String, String> params = MediaTypes.parameters(root.contentType()).orElse(java.util.Map.of());
        String type = params.getOrDefault("type", "text/xml");
        return params.containsKey("charset") ? type + "; charset=" + params.get("charset") : type;
    }

    /** The root part's content: the SOAP envelope (or the XOP package's root document). */
    public byte[] rootBytes() {
        return rootBytes;
    }

    /** Every part besides the root, in the order they arrived. */
    public List<MimePart> attachments() {
        return attachments;
    }

    /** The attachment whose Content-ID is {@code id} (without angle brackets). */
    public Optional<MimePart> attachment(String id) {
        return attachments.stream().filter(p -> p.contentId().map(id::equals).orElse(false)).findFirst();
    }

    /** The whole body's size in bytes. */
    public long length() {
        return length;
    }

    /** A part's content, read from disk; mark/reset reposition rather than buffer. */
    public InputStream content(MimePart part) {
        return new RegionInputStream(channel, part.contentOffset(), part.contentLength());
    }

    /**
     * The package for the application: the very bytes that arrived, or with the root part's
     * content replaced by {@code root} (a decrypted envelope), every header and attachment as
     * they arrived. The stream owns the data from here on: the file is unlinked at once where
     * the platform allows it (its content stays readable through the open stream) and in any
     * case when the stream is closed. Only once per package.
     */
    public InputStream handOver(Optional<byte[]> root) throws IOException {
        if (!handedOver.compareAndSet(false, true)) {
            throw new IllegalStateException("the package was already handed over");
        }
        FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
        boolean unlinked = tryDelete();
        InputStream whole = Channels.newInputStream(reader);
        InputStream body = root.isEmpty() ? whole : new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new RegionInputStream(reader, 0, this.root.contentOffset()),
                new ByteArrayInputStream(root.get()),
                new RegionInputStream(reader, this.root.contentOffset() + this.root.contentLength(),
                        length() - this.root.contentOffset() - this.root.contentLength()))));
        closeChannel();
        return new java.io.FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                try {
                    reader.close();
                } finally {
                    if (!unlinked) {
                        tryDelete();
                    }
                }
            }
        };
    }

    /** The length of {@link #handOver(Optional)}'s stream for the same {@code root}. */
    public long handOverLength(Optional<byte[]> root) {
        return root.map(r -> length() - this.root.contentLength() + r.length).orElse(length());
    }

    /** Deletes the spooled body unless it was handed over (then the stream's close does). */
    @Override
    public void close() {
        closeChannel();
        if (!handedOver.get()) {
            tryDelete();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the file is deleted regardless
        }
    }

    private boolean tryDelete() {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
