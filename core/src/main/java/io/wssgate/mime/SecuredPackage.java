package io.wssgate.mime;

import io.wssgate.spi.OutboundAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIME package (SwA or MTOM) going out secured: the package as the application wrote it
 * (spooled), with its root part replaced by the secured envelope and, where they were encrypted,
 * its attachments by their ciphertext. Its structure stays: the same boundary and Content-Type,
 * the parts in their order with their headers (a replaced part loses a {@code Content-Length}
 * that no longer holds; an encrypted one is {@code application/octet-stream}, its type kept in
 * the EncryptedData). Written while streaming from the spool; closing it deletes the spool.
 */
public final class SecuredPackage implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final MimePackage source;
    private final byte[] root;
    private final Map<String, OutboundAttachment> replaced;

    public SecuredPackage(MimePackage source, byte[] root, List<OutboundAttachment> replaced) {
        this.source = Objects.requireNonNull(source, "source");
        this.root = root.clone();
        this.replaced = new java.util.HashMap<>();
        for (OutboundAttachment a : replaced) {
            this.replaced.put(a.contentId(), a);
        }
    }

    /** The package's attachments as the outbound securer takes them (read from the spool each time). */
    public static List<OutboundAttachment> attachments(MimePackage mime) {
        List<OutboundAttachment> attachments = new ArrayList<>();
        for (MimePart part : mime.attachments()) {
            // MimeReader refuses an attachment without Content-ID
            attachments.add(new OutboundAttachment(part.contentId().orElseThrow(), part.contentType(),
                    () -> mime.content(part)));
        }
        return attachments;
    }

    /** The Content-Type to send: the application's own ({@code multipart/related; boundary=...}). */
    public String contentType() {
        return source.contentType();
    }

    public void writeTo(OutputStream out) throws IOException {
        String boundary = MediaTypes.parameters(source.contentType()).orElseThrow().get("boundary");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        out.write(delimiter);
        out.write(CRLF);
        writeHeaders(out, source.root().headers(), Optional.empty());
        out.write(root);
        for (MimePart part : source.attachments()) {
            out.write(CRLF);
            out.write(delimiter);
            out.write(CRLF);
            OutboundAttachment sent = replaced.get(part.contentId().orElseThrow());
            writeHeaders(out, part.headers(), Optional.ofNullable(sent).map(OutboundAttachment::contentType));
            try (InputStream in = sent != null ? sent.content().open() : source.content(part)) {
                in.transferTo(out);
            }
        }
        out.write(CRLF);
        out.write(delimiter);
        out.write(new byte[] {'-', '-'});
        out.write(CRLF);
    }

    /** The part's headers; without Content-Length (its content may change), with a new Content-Type if given. */
    private static void writeHeaders(OutputStream out, List<Map.Entry<String, String>> headers,
                                     Optional<String> contentType) throws IOException {
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            String value = name.equalsIgnoreCase("Content-Type") ? contentType.orElse(h.getValue()) : h.getValue();
            out.write((name + ": " + value).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
        }
        out.write(CRLF);
    }

    @Override
    public void close() {
        source.close();
    }
}
