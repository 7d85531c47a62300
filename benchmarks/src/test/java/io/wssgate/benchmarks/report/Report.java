package io.wssgate.benchmarks.report;

import java.util.Locale;

/** Number formatting for RESULTS.md: exact nanoseconds for the record, a readable unit beside them. */
public final class Report {
    private Report() {
    }

    /** e.g. {@code 1.23 ms}. */
    public static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "–";
        }
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    /** e.g. {@code 1,234,567 ± 2,345 ns (1.23 ms)}. */
    public static String nanos(Measurement m) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f ns (%s)", m.nanos(), m.nanosError(), time(m.nanos()));
    }

    /** e.g. {@code 12.3 MB}. */
    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }

    public static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
