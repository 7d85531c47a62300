package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a message whose HTTP {@code charset} names another encoding than the document itself
 * uses (byte-order mark, else XML declaration, else UTF-8). The parser here reads the bytes by
 * the document's own encoding, while an application behind the filter may honour the HTTP
 * charset (RFC 7303 says it wins): two readers, two documents, and only one was verified.
 * Agreeing messages, and messages without a charset parameter, pass.
 */
public final class CharsetAgreement {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Set<String> UTF_16_FAMILY = Set.of("UTF-16", "UTF-16BE", "UTF-16LE");
    private static final int DECLARATION_WINDOW = 256;

    private CharsetAgreement() {
    }

    public static void check(byte[] message, String contentType) throws SecurityFault {
        Optional<String> claimed = httpCharset(contentType);
        if (claimed.isEmpty()) {
            return;
        }
        String actual = documentEncoding(message);
        if (!sameEncoding(claimed.get(), actual)) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY,
                    "HTTP charset " + claimed.get() + " disagrees with the document's encoding " + actual);
        }
    }

    private static Optional<String> httpCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The encoding an XML parser uses for these bytes (XML 1.0 appendix F, as far as it matters here). */
    static String documentEncoding(byte[] m) {
        if (startsWith(m, 0xEF, 0xBB, 0xBF)) {
            return "UTF-8";
        }
        if (startsWith(m, 0xFE, 0xFF) || startsWith(m, 0x00, 0x3C, 0x00, 0x3F)) {
            return "UTF-16BE";
        }
        if (startsWith(m, 0xFF, 0xFE) || startsWith(m, 0x3C, 0x00, 0x3F, 0x00)) {
            return "UTF-16LE";
        }
        String head = new String(m, 0, Math.min(m.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        return declared.find() ? declared.group(1) : "UTF-8";
    }

    private static boolean sameEncoding(String claimed, String actual) {
        try {
            Charset a = Charset.forName(claimed);
            Charset b = Charset.forName(actual);
            return a.equals(b) || UTF_16_FAMILY.contains(a.name().toUpperCase(Locale.ROOT))
                    && UTF_16_FAMILY.contains(b.name().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // an unknown or unsupported charset name can agree with nothing
            return false;
        }
    }

    private static boolean startsWith(byte[] m, int... prefix) {
        if (m.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((m[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
