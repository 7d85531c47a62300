package io.wssgate.mime;

import io.wssgate.fault.SecurityFault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plaintext of one encrypted attachment, spooled on its own (in memory within the policy's
 * budget, else to a file: bounded memory whatever its size), with the headers the application
 * sees for it. Made by {@link MimePackage#decrypt}; released with the package or after the
 * application read it.
 */
final class DecryptedPart {
    private static final int CHUNK = 64 * 1024;

    private final Spool spool;
    private final List<Map.Entry<String, String>> headers;
    private final long contentOffset;
    private final long contentLength;

    private DecryptedPart(Spool spool, List<Map.Entry<String, String>> headers, long contentOffset,
                          long contentLength) {
        this.spool = spool;
        this.headers = List.copyOf(headers);
        this.contentOffset = contentOffset;
        this.contentLength = contentLength;
    }

    static DecryptedPart spool(MimePart part, InputStream plaintext, boolean complete, Optional<String> mimeType,
                               byte[] delimiter, SpoolWriter writer) throws IOException, SecurityFault {
        Spool spooled = null;
        try (writer) {
            boolean boundaryInside = copyWatching(plaintext, writer, delimiter);
            spooled = writer.finish();
            if (boundaryInside) {
                throw MimeReader.malformed("the plaintext of attachment <" + part.contentId().orElse("")
                        + "> holds the MIME boundary string");
            }
            long size = spooled.size();
            List<Map.Entry<String, String>> headers;
            long offset;
            if (complete) {
                String head = MimeReader.ascii(spooled, 0, (int) Math.min(size, MimeReader.MAX_HEADER_BYTES));
                Map.Entry<List<Map.Entry<String, String>>, Integer> read = PartHeaders.readDecrypted(head,
                        part.contentId());
                // as WSS4J merges them (AttachmentUtils.readAndReplaceEncryptedAttachmentHeaders): a
                // decrypted header replaces the received one of its name, the others stay (a sender
                // may encrypt an empty header block, as Apache CXF does for its attachments)
                headers = withoutLength(part.headers());
                for (Map.Entry<String, String> h : read.getKey()) {
                    if (h.getKey().equalsIgnoreCase("Content-ID")) {
                        continue; // equal to the received one (checked), which stays
                    }
                    headers.removeIf(r -> r.getKey().equalsIgnoreCase(h.getKey()));
                    headers.add(h);
                }
                offset = read.getValue();
            } else {
                headers = new ArrayList<>();
                for (Map.Entry<String, String> h : withoutLength(part.headers())) {
                    headers.add(h.getKey().equalsIgnoreCase("Content-Type") && mimeType.isPresent()
                            ? Map.entry(h.getKey(), mimeType.get()) : h);
                }
                if (mimeType.isPresent() && part.header("Content-Type").isEmpty()) {
                    headers.add(Map.entry("Content-Type", mimeType.get()));
                }
                offset = 0;
            }
            PartHeaders.checkDecrypted(new MimePart(headers, part.contentId(), offset, size - offset, 0));
            return new DecryptedPart(spooled, headers, offset, size - offset);
        } catch (IOException | SecurityFault | RuntimeException e) {
            if (spooled != null) {
                spooled.close();
            }
            throw e;
        }
    }

    /** The received headers but Content-Length (the ciphertext's length, not the plaintext's). */
    private static List<Map.Entry<String, String>> withoutLength(List<Map.Entry<String, String>> received) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> h : received) {
            if (!h.getKey().toLowerCase(Locale.ROOT).equals("content-length")) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * Copies all of {@code in} to {@code out}; whether {@code delimiter} occurs anywhere in it
     * (also across chunk borders: the last bytes of a chunk are searched again with the next).
     */
    private static boolean copyWatching(InputStream in, OutputStream out, byte[] delimiter) throws IOException {
        byte[] buffer = new byte[CHUNK + delimiter.length];
        int carried = 0;
        boolean found = false;
        int n;
        while ((n = in.read(buffer, carried, CHUNK)) >= 0) {
            out.write(buffer, carried, n);
            int filled = carried + n;
            found = found || indexOf(buffer, filled, delimiter);
            carried = Math.min(delimiter.length - 1, filled);
            System.arraycopy(buffer, filled - carried, buffer, 0, carried);
        }
        return found;
    }

    private static boolean indexOf(byte[] buffer, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    long contentLength() {
        return contentLength;
    }

    /** The plaintext content, from its spool; mark/reset reposition rather than buffer. */
    InputStream content() {
        return new RegionInputStream(spool, contentOffset, contentLength);
    }

    /** Headers and content as the part appears in the package the application reads. */
    InputStream handOver() {
        return new SequenceInputStream(new ByteArrayInputStream(head()), content());
    }

    long handOverLength() {
        return head().length + contentLength;
    }

    private byte[] head() {
        StringBuilder head = new StringBuilder();
        headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    void close() {
        spool.close();
    }
}
