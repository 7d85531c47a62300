package io.wssgate.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reading of a MIME Content-Type (RFC 2045 5.1): a media type and parameters, each a
 * token or a quoted string. A parameter given twice is refused: two readers taking the first
 * and the last would see different values (the classic charset and boundary tricks).
 */
final class MediaTypes {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private MediaTypes() {
    }

    /** {@code type/subtype} lower-cased, or the whole value lower-cased when it has no parameters. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The parameters by lower-cased name; empty if the value is not a well-formed Content-Type. */
    static Optional<Map<String, String>> parameters(String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = contentType.indexOf(';');
        if (i < 0) {
            return Optional.of(params);
        }
        int n = contentType.length();
        while (i < n) {
            // at ';'
            i = skipSpace(contentType, i + 1);
            if (i >= n) {
                break; // a trailing ';' is tolerated
            }
            int nameStart = i;
            while (i < n && isTokenChar(contentType.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return Optional.empty();
            }
            String name = contentType.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(contentType, i);
            if (i >= n || contentType.charAt(i) != '=') {
                return Optional.empty();
            }
            i = skipSpace(contentType, i + 1);
            String value;
            if (i < n && contentType.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < n && contentType.charAt(i) != '"') {
                    char c = contentType.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = contentType.charAt(++i);
                    }
                    quoted.append(c);
                    i++;
                }
                if (i >= n) {
                    return Optional.empty();
                }
                i++;
                value = quoted.toString();
            } else {
                int valueStart = i;
                while (i < n && isTokenChar(contentType.charAt(i))) {
                    i++;
                }
                if (i == valueStart) {
                    return Optional.empty();
                }
                value = contentType.substring(valueStart, i);
            }
            if (params.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
            i = skipSpace(contentType, i);
            if (i < n && contentType.charAt(i) != ';') {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7F && TSPECIALS.indexOf(c) < 0;
    }
}
