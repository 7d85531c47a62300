package io.wssgate.mime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One part of a received MIME package: its headers as they arrived (names in their original
 * case, in order), its Content-ID without angle brackets (empty for a root part without one),
 * and where its content (and its headers, from {@code headersOffset}) lie in the spooled request body.
 */
public record MimePart(List<Map.Entry<String, String>> headers, Optional<String> contentId, long contentOffset,
                       long contentLength, long headersOffset) {
    public MimePart {
        headers = List.copyOf(headers);
    }

    /** The value of the header {@code name} (case-insensitive); headers are unique within a part. */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The Content-Type as sent, or MIME's default {@code text/plain; charset=us-ascii}. */
    public String contentType() {
        return header("Content-Type").orElse("text/plain; charset=us-ascii");
    }

    /** The media type alone, lower-cased ({@code type/subtype}). */
    public String mediaType() {
        return MediaTypes.mediaType(contentType());
    }
}
