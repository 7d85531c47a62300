package io.wssgate.mime;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.wssgate.fault.SecurityFault;

/**
 * Reads and checks the header block of one part (RFC 2045, RFC 5322 syntax): printable ASCII
 * only (no 8-bit or control characters, no encoded-word tricks a reader might decode), CRLF line
 * ends, folded lines unfolded, every header at most once, no nested multipart, identity
 * transfer encodings only, and a Content-Length (if any) equal to the content's real length.
 */
final class PartHeaders {
    private PartHeaders() {
    }

    static MimePart read(Spool spool, long start, long end) throws IOException, SecurityFault {
        long length = end - start;
        String head = MimeReader.ascii(spool, start, (int) Math.min(length, MimeReader.MAX_HEADER_BYTES));
        int blank;
        if (head.startsWith("\r\n")) {
            blank = 0;
        } else {
            int at = head.indexOf("\r\n\r\n");
            if (at < 0) {
                throw MimeReader.malformed("part headers without their blank line, or larger than "
                        + MimeReader.MAX_HEADER_BYTES + " bytes");
            }
            blank = at + 2;
        }
        List<Map.Entry<String, String>> headers = parse(head.substring(0, blank));
        long contentOffset = start + blank + 2;
        MimePart part = new MimePart(headers, contentId(headers), contentOffset, end - contentOffset, start);
        check(part);
        return part;
    }

    /**
     * The headers an Attachment-Complete plaintext starts with (SwA profile 1.1: the part's MIME
     * headers, a blank line, the content), read as strictly as received part headers; returns them
     * and the content's offset in {@code head}. The plaintext's Content-ID, if any, must be
     * {@code contentId}: a part cannot claim another part's identity.
     */
    static Map.Entry<List<Map.Entry<String, String>>, Integer> readDecrypted(String head, Optional<String> contentId)
            throws SecurityFault {
        int blank;
        if (head.startsWith("\r\n")) {
            blank = 0;
        } else {
            int at = head.indexOf("\r\n\r\n");
            if (at < 0) {
                throw MimeReader.malformed("decrypted attachment headers without their blank line");
            }
            blank = at + 2;
        }
        List<Map.Entry<String, String>> headers = parse(head.substring(0, blank));
        Optional<String> declared = contentId(headers);
        if (declared.isPresent() && !declared.equals(contentId)) {
            throw MimeReader.malformed("a decrypted attachment claims Content-ID <" + declared.get() + "> in part <"
                    + contentId.orElse("") + ">");
        }
        return Map.entry(headers, blank + 2);
    }

    /** The checks a received part gets, for a decrypted one's headers and length. */
    static void checkDecrypted(MimePart part) throws SecurityFault {
        check(part);
    }

    private static List<Map.Entry<String, String>> parse(String block) throws SecurityFault {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (block.isEmpty()) {
            return headers;
        }
        String[] lines = block.substring(0, block.length() - 2).split("\r\n", -1);
        List<StringBuilder> unfolded = new ArrayList<>();
        for (String line : lines) {
            for (char c : line.toCharArray()) {
                if ((c < 0x20 && c != '\t') || c > 0x7E) {
                    throw MimeReader.malformed("a part header with a byte outside printable ASCII (0x"
                            + Integer.toHexString(c) + ")");
                }
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (unfolded.isEmpty()) {
                    throw MimeReader.malformed("a part header block starting with a continuation line");
                }
                unfolded.get(unfolded.size() - 1).append(line);
            } else {
                unfolded.add(new StringBuilder(line));
            }
        }
        for (StringBuilder line : unfolded) {
            int colon = line.indexOf(":");
            if (colon <= 0) {
                throw MimeReader.malformed("a malformed part header line");
            }
            String name = line.substring(0, colon);
            if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw MimeReader.malformed("a malformed part header name");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw MimeReader.malformed("part header " + name + " given twice");
            }
            String value = line.substring(colon + 1).trim();
            if (value.contains("=?")) {
                throw MimeReader.malformed("an encoded word in part header " + name);
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return headers;
    }

    private static Optional<String> contentId(List<Map.Entry<String, String>> headers) throws SecurityFault {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Content-ID")) {
                String id = stripBrackets(h.getValue());
                if (id.isEmpty() || id.contains("<") || id.contains(">") || id.contains(" ")) {
                    throw MimeReader.malformed("a malformed Content-ID " + h.getValue());
                }
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    static String stripBrackets(String value) {
        String v = value.trim();
        return v.startsWith("<") && v.endsWith(">") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
    }

    private static void check(MimePart part) throws SecurityFault {
        String media = part.mediaType();
        if (media.startsWith("multipart/") || media.startsWith("message/")) {
            throw MimeReader.malformed("a nested " + media + " part");
        }
        if (part.header("Content-Type").isPresent() && MediaTypes.parameters(part.contentType()).isEmpty()) {
            throw MimeReader.malformed("a part Content-Type with malformed or repeated parameters: " + part.contentType());
        }
        Optional<String> encoding = part.header("Content-Transfer-Encoding");
        if (encoding.isPresent()) {
            Optional<String> problem = MimeReader.encodingProblem(encoding.get());
            if (problem.isPresent()) {
                throw MimeReader.malformed(problem.get());
            }
        }
        Optional<String> declared = part.header("Content-Length");
        if (declared.isPresent() && !declared.get().equals(String.valueOf(part.contentLength()))) {
            throw MimeReader.malformed("a part declaring Content-Length " + declared.get() + " has "
                    + part.contentLength() + " bytes");
        }
    }
}
