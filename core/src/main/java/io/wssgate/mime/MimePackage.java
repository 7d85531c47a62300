package io.wssgate.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request that arrived as a {@code multipart/related} package, checked and spooled (in memory
 * within the policy's {@link MemoryBudget}, else to one temporary file): its root part (the SOAP
 * envelope, in memory and bounded like any message) and its attachments (read by position from
 * the spool). The application later receives exactly the bytes that arrived
 * ({@link #handOver(Optional)}), so the parts WSS Gate verified are the parts the application's
 * own MIME parser finds. Closing the package releases the spool (a file is deleted).
 */
public final class MimePackage implements AutoCloseable {
    private final Spool spool;
    private final MemoryBudget memory;
    /** Where decrypted attachments beyond the memory budget go; null: {@code java.io.tmpdir}. */
    private final Path spoolDirectory;
    private final String contentType;
    private final MimePart root;
    private final byte[] rootBytes;
    private final List<MimePart> attachments;
    private final long length;
    private final AtomicBoolean handedOver = new AtomicBoolean();
    /** Attachments decrypted in this request (SwA encrypted attachments), by part identity. */
    private final java.util.Map<MimePart, DecryptedPart> decrypted = new java.util.IdentityHashMap<>();

    MimePackage(Spool spool, MemoryBudget memory, Path spoolDirectory, String contentType, MimePart root,
                byte[] rootBytes, List<MimePart> attachments) {
        this.spool = spool;
        this.memory = memory;
        this.spoolDirectory = spoolDirectory;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.root = root;
        this.rootBytes = rootBytes;
        this.attachments = List.copyOf(attachments);
        this.length = spool.size();
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

    /**
     * A part's content, read from the spool; mark/reset reposition rather than buffer. For a
     * decrypted attachment its plaintext content.
     */
    public InputStream content(MimePart part) {
        DecryptedPart plain = decrypted.get(part);
        return plain != null ? plain.content() : new RegionInputStream(spool, part.contentOffset(),
                part.contentLength());
    }

    /**
     * Feeds a received part's content (as it arrived: not for a decrypted attachment) to
     * {@code digest} straight from the spool, without the copy a stream makes.
     */
    public void digest(MimePart part, java.security.MessageDigest digest) throws IOException {
        if (decrypted.containsKey(part)) {
            throw new IllegalStateException("attachment <" + part.contentId().orElse("") + "> was decrypted");
        }
        spool.digest(part.contentOffset(), part.contentLength(), digest);
    }

    /** A part's headers as the application will see them: as received, or a decrypted attachment's. */
    public List<java.util.Map.Entry<String, String>> headers(MimePart part) {
        DecryptedPart plain = decrypted.get(part);
        return plain != null ? plain.headers() : part.headers();
    }

    /** The media type of a part as the application will see it (a decrypted attachment's own). */
    public String mediaType(MimePart part) {
        return headers(part).stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(h -> MediaTypes.mediaType(h.getValue())).findFirst().orElse("text/plain");
    }

    /** The length of {@link #content(MimePart)}. */
    public long contentLength(MimePart part) {
        DecryptedPart plain = decrypted.get(part);
        return plain != null ? plain.contentLength() : part.contentLength();
    }

    /** Whether {@code part} arrived encrypted and was decrypted ({@link #decrypt}). */
    public boolean isDecrypted(MimePart part) {
        return decrypted.containsKey(part);
    }

    /**
     * Replaces an encrypted attachment by its plaintext, read from {@code plaintext} into a spool
     * of its own (in memory within the policy's budget, else a file beside the package's). {@code complete}: the plaintext starts
     * with the part's MIME headers (SwA {@code Attachment-Complete}), each of which then replaces
     * the received one of its name (as WSS4J merges them; the Content-ID may not change); else (Attachment-Content-Only) the received headers
     * stay, with {@code mimeType} (EncryptedData/@MimeType, when given) as the Content-Type. The
     * plaintext is checked as a received part is: it must not hold the package's boundary string
     * (the application's MIME parser would find other parts in it), its headers are read strictly.
     * The stream is read to its end before any check, so a damaged ciphertext (a bad tag the
     * stream reports at its end) always fails the same way. Once per attachment.
     */
    public void decrypt(MimePart part, InputStream plaintext, boolean complete, Optional<String> mimeType)
            throws IOException, io.wssgate.fault.SecurityFault {
        if (decrypted.containsKey(part) || !attachments.contains(part)) {
            throw MimeReader.malformed("attachment <" + part.contentId().orElse("") + "> decrypted twice, or not an"
                    + " attachment");
        }
        DecryptedPart plain = DecryptedPart.spool(part, plaintext, complete, mimeType,
                ("--" + MediaTypes.parameters(contentType).orElseThrow().get("boundary"))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                // the ciphertext's length bounds the plaintext's: in memory only if all of it fits
                new SpoolWriter(memory, part.contentLength(), spoolDirectory, "wssgate-plain-"));
        decrypted.put(part, plain);
    }

    /**
     * The package for the application: the very bytes that arrived, or with the root part's
     * content replaced by {@code root} (a decrypted envelope), every header and attachment as
     * they arrived. The stream owns the data from here on (a spool file is unlinked at once where
     * the platform allows it, its content staying readable through the open stream, and in any
     * case when the stream is closed; memory is returned to the budget when it is closed). Only
     * once per package.
     */
    public InputStream handOver(Optional<byte[]> root) throws IOException {
        if (!handedOver.compareAndSet(false, true)) {
            throw new IllegalStateException("the package was already handed over");
        }
        Spool reader = spool.handOver();
        List<InputStream> pieces = new java.util.ArrayList<>();
        long cursor = 0;
        for (Replaced r : replacements(root)) {
            pieces.add(new RegionInputStream(reader, cursor, r.start() - cursor));
            pieces.add(r.content().get());
            cursor = r.end();
        }
        pieces.add(new RegionInputStream(reader, cursor, length() - cursor));
        InputStream body = pieces.size() == 1 ? pieces.get(0)
                : new SequenceInputStream(java.util.Collections.enumeration(pieces));
        List<DecryptedPart> plains = List.copyOf(decrypted.values());
        // reads and close exclude each other: once closed, memory chunks may hold the next package
        return new java.io.FilterInputStream(body) {
            @Override
            public synchronized int read() throws IOException {
                return super.read();
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, len);
            }

            @Override
            public synchronized long skip(long n) throws IOException {
                return super.skip(n);
            }

            @Override
            public synchronized void close() {
                try {
                    reader.close();
                } finally {
                    plains.forEach(DecryptedPart::close);
                }
            }
        };
    }

    /** The length of {@link #handOver(Optional)}'s stream for the same {@code root}. */
    public long handOverLength(Optional<byte[]> root) {
        long total = length();
        for (Replaced r : replacements(root)) {
            total += r.length() - (r.end() - r.start());
        }
        return total;
    }

    /** A region of the received body the application gets other bytes for. */
    private record Replaced(long start, long end, long length,
                            java.util.function.Supplier<InputStream> content) {
    }

    /** The decrypted root and attachments, in the order they lie in the body. */
    private List<Replaced> replacements(Optional<byte[]> newRoot) {
        List<Replaced> out = new java.util.ArrayList<>();
        newRoot.ifPresent(r -> out.add(new Replaced(root.contentOffset(), root.contentOffset() + root.contentLength(),
                r.length, () -> new ByteArrayInputStream(r))));
        decrypted.forEach((part, plain) -> out.add(new Replaced(part.headersOffset(),
                part.contentOffset() + part.contentLength(), plain.handOverLength(), plain::handOver)));
        out.sort(java.util.Comparator.comparingLong(Replaced::start));
        return out;
    }

    /** Releases the spooled body unless it was handed over (then the stream's close does). */
    @Override
    public void close() {
        spool.close();
        if (!handedOver.get()) {
            decrypted.values().forEach(DecryptedPart::close);
        }
    }
}
