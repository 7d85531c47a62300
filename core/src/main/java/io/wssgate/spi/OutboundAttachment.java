package io.wssgate.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attachment (SwA part) of a message being sent: its Content-ID (without angle brackets),
 * its Content-Type and its content, which may be opened more than once (a signature reads it,
 * then the transport sends it) and is never held in memory by WSS Gate.
 */
public record OutboundAttachment(String contentId, String contentType, Content content) {
    public OutboundAttachment {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /** The attachment's octets, from the start, each time it is opened. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** An attachment held in memory. */
    public static OutboundAttachment of(String contentId, String contentType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new OutboundAttachment(contentId, contentType, () -> new java.io.ByteArrayInputStream(copy));
    }
}
