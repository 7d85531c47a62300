package io.wssgate.diagnostics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How a value in a message differs from a configured one when the two look alike: case, a
 * trailing slash, surrounding blanks, Unicode normalisation, invisible characters, look-alike
 * letters. {@link #show} writes a value with every such character made visible.
 */
final class TextDifference {
    private TextDifference() {
    }

    /** Why {@code actual} is not {@code expected} although they look alike; empty when they are equal or simply different. */
    static Optional<String> lookAlike(String actual, String expected) {
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        if (actual.equalsIgnoreCase(expected)) {
            return Optional.of("differs only in upper/lower case");
        }
        if (stripSlash(actual).equals(stripSlash(expected))) {
            return Optional.of(actual.endsWith("/") ? "has a trailing slash the configured value lacks"
                    : "lacks the trailing slash of the configured value");
        }
        if (actual.strip().equals(expected.strip())) {
            return Optional.of("differs in leading or trailing blanks");
        }
        String a = Normalizer.normalize(actual, Normalizer.Form.NFC);
        String e = Normalizer.normalize(expected, Normalizer.Form.NFC);
        if (a.equals(e)) {
            return Optional.of("differs in Unicode normalisation (composed vs decomposed characters)");
        }
        if (visibleOnly(actual).equals(visibleOnly(expected))) {
            return Optional.of("contains invisible characters (shown as \\uXXXX)");
        }
        if (skeleton(actual).equals(skeleton(expected))) {
            return Optional.of("contains look-alike characters from another script (shown as \\uXXXX)");
        }
        if (stripSlash(actual.strip()).equalsIgnoreCase(stripSlash(expected.strip()))) {
            return Optional.of("differs in case, blanks or a trailing slash");
        }
        return Optional.empty();
    }

    /** The value in quotes, every character outside printable ASCII written as {@code \\uXXXX}. */
    static String show(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.appendCodePoint(c);
            } else if (c > 0xFFFF) {
                out.append(String.format(Locale.ROOT, "\\U%08X", c));
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            }
        });
        return out.append('\'').toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Without format characters (zero-width space, joiners, BOM) and with non-breaking spaces as spaces. */
    private static String visibleOnly(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == 0x00A0 || c == 0x2007 || c == 0x202F) {
                out.append(' ');
            } else if (Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }

    /** Letters reduced to their base form and a few common Cyrillic/Greek look-alikes mapped to Latin. */
    private static String skeleton(String s) {
        String decomposed = Normalizer.normalize(visibleOnly(s), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        decomposed.codePoints().forEach(c -> out.append(LOOK_ALIKES.indexOf(c) >= 0 && LOOK_ALIKES.indexOf(c) % 2 == 0
                ? LOOK_ALIKES.charAt(LOOK_ALIKES.indexOf(c) + 1) : (char) c));
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Pairs of (look-alike, Latin letter): Cyrillic а е о р с х у і ѕ ј and Greek ο ν. */
    private static final String LOOK_ALIKES = "\u0430a\u0435e\u043Eo\u0440p\u0441c\u0445x\u0443y\u0456i\u0455s\u0458j"
            + "\u03BFo\u03BDv\u0410A\u0415E\u041EO\u0420P\u0421C\u0425X";
}
