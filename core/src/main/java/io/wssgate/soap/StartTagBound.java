package io.wssgate.soap;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upper bound on a message's element count read straight off its bytes, so that the exact
 * streaming count ({@link ElementCountGuard}) runs only for messages that might exceed the
 * limit. In the encodings accepted here (UTF-8, US-ASCII, ISO-8859-1, all ASCII-compatible) the
 * character {@code <} is always the single byte 0x3C and that byte is never part of another
 * character, and every element starts with {@code <} followed by a name, never by {@code /},
 * {@code !} or {@code ?}. So the number of 0x3C bytes not followed by one of those three is at
 * least the number of elements (markup inside comments and CDATA only adds to it). Any other
 * encoding, declared or detected (a byte order mark, UTF-16, EBCDIC), gets no bound here: the
 * exact count decides, as before.
 */
final class StartTagBound {
    /** The declaration, if any, must come first; only its encoding pseudo-attribute matters here. */
    private static final Pattern DECLARATION = Pattern.compile(
            "<\\?xml[ \\t\\r\\n][^?>]*?encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])([A-Za-z0-9._-]+)\\1");
    private static final Set<String> SINGLE_BYTE_LT = Set.of("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1",
            "latin1", "iso-latin-1");
    private static final int DECLARATION_WINDOW = 256;

    private StartTagBound() {
    }

    /**
     * True only when the message certainly has at most {@code max} elements; false when it
     * might have more (or its encoding is not one this bound understands).
     */
    static boolean atMost(byte[] message, int max) {
        if (!singleByteLessThan(message)) {
            return false;
        }
        int starts = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '<') {
                byte next = i + 1 < message.length ? message[i + 1] : 0;
                if (next != '/' && next != '!' && next != '?' && ++starts > max) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean zeroByteIn(byte[] message, int first) {
        for (int i = 0; i < Math.min(first, message.length); i++) {
            if (message[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The message is UTF-8 by default (no BOM, starts with '<'), or declares one of the accepted encodings. */
    private static boolean singleByteLessThan(byte[] message) {
        if (message.length == 0 || message[0] != '<' || zeroByteIn(message, 4)) {
            // a byte order mark, leading whitespace or another encoding family (UTF-16 and UTF-32 put
            // a zero byte beside '<'): leave it to the exact count
            return false;
        }
        if (message.length < 5 || message[1] != '?') {
            return true;
        }
        String head = new String(message, 0, Math.min(message.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return true;
        }
        int end = head.indexOf("?>");
        if (end < 0) {
            return false;
        }
        String declaration = head.substring(0, end);
        if (!declaration.contains("encoding")) {
            return true;
        }
        Matcher m = DECLARATION.matcher(declaration);
        return m.find() && SINGLE_BYTE_LT.contains(m.group(2).toLowerCase(Locale.ROOT));
    }
}
