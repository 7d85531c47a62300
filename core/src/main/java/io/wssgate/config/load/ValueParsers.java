package io.wssgate.config.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.namespace.QName;

/**
 * Parses the textual forms of configuration values. Every method throws
 * {@link IllegalArgumentException} whose message is the user-facing problem text, so the caller
 * only has to attach the key path.
 */
final class ValueParsers {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Pattern NCNAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._\\-]*");

    private ValueParsers() {
    }

    /** Only the two literal words: "yes", "1" or "on" are typos as often as intentions. */
    static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("invalid boolean '" + text + "' (use true or false)");
    }

    static int positiveInt(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid integer '" + text + "'");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("must be greater than 0, was " + value);
        }
        return value;
    }

    static Duration duration(String text) {
        Duration value = parseDuration(text);
        if (value.isNegative()) {
            throw new IllegalArgumentException("duration '" + text + "' must not be negative");
        }
        return value;
    }

    private static Duration parseDuration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(text);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p'
                    || text.startsWith("-P") || text.startsWith("-p"))) {
                return Duration.parse(text);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // fall through to the common message: the value is not a duration we understand
        }
        throw new IllegalArgumentException("invalid duration '" + text
                + "' (use e.g. 500ms, 30s, 5m, 1h, 1d or ISO-8601 PT5M)");
    }

    /** Bytes; KB/MB/GB are decimal (1000-based) and KiB/MiB/GiB binary, as their names say. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text);
        long factor = m.matches() ? unitFactor(m.group(2)) : -1;
        if (factor < 0) {
            throw new IllegalArgumentException("invalid size '" + text
                    + "' (use bytes or a unit: KB, MB, GB (1000-based), KiB, MiB, GiB (1024-based), e.g. 10MiB)");
        }
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("size must be greater than 0, was '" + text + "'");
        }
        return value;
    }

    /** A {@link #size} or 0 (e.g. "nothing in memory"). */
    static long sizeOrZero(String text) {
        return text.trim().equals("0") ? 0 : size(text);
    }

    private static long unitFactor(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "kib" -> 1024L;
            case "mib" -> 1024L * 1024;
            case "gib" -> 1024L * 1024 * 1024;
            default -> -1L;
        };
    }

    static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + text + "': " + e.getDescription());
        }
    }

    /**
     * An element name in {@code {namespace}LocalName} form, or a bare {@code LocalName} (also
     * {@code {}LocalName}) for an element in no namespace.
     */
    static QName elementQName(String text) {
        int close = text.indexOf('}');
        String namespace = text.startsWith("{") && close > 0 ? text.substring(1, close) : "";
        String local = text.startsWith("{") && close > 0 ? text.substring(close + 1) : text;
        if ((text.startsWith("{") && close < 0) || !NCNAME.matcher(local).matches()) {
            throw new IllegalArgumentException("invalid element name '" + text + "' (use {namespace}LocalName)");
        }
        return new QName(namespace, local);
    }

    /** An absolute URI (an action, an address). */
    static String absoluteUri(String text) {
        try {
            if (new java.net.URI(text).isAbsolute()) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not an absolute URI");
    }

    /**
     * A SOAP header QName in {@code {namespace}LocalName} form. SOAP requires header blocks to be
     * namespace-qualified, so an empty namespace is rejected rather than silently never matching.
     */
    static QName headerQName(String text) {
        int close = text.indexOf('}');
        if (text.startsWith("{") && close > 1 && NCNAME.matcher(text.substring(close + 1)).matches()) {
            return new QName(text.substring(1, close), text.substring(close + 1));
        }
        throw new IllegalArgumentException("invalid QName '" + text
                + "' (use Body, Timestamp or a header as {namespace}LocalName)");
    }

    /**
     * A header block every request must carry ({@code required-headers}): a header QName, where
     * Body and Timestamp are no answer.
     */
    static QName requiredHeader(String text) {
        try {
            return headerQName(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid header name '" + text + "' (use {namespace}LocalName)");
        }
    }
}
