package io.wssgate.benchmarks;

import java.util.Arrays;

/**
 * The Body sizes the issue asks for. Decimal units (1 KB = 1,000 bytes) so that the 10 MB
 * message, header included, still fits the default {@code max-message-size} of 10 MiB: the
 * benchmarks measure the shipped defaults, not a loosened policy. The 50 MB message exists only
 * for the heap measurement and is validated by a policy whose limits are raised explicitly
 * ({@link #withinDefaultLimits()}).
 */
public enum MessageSize {
    KB_1("1KB", 1_000),
    KB_100("100KB", 100_000),
    MB_10("10MB", 10_000_000),
    MB_50("50MB", 50_000_000);

    private final String label;
    private final int bodyBytes;

    MessageSize(String label, int bodyBytes) {
        this.label = label;
        this.bodyBytes = bodyBytes;
    }

    /** The JMH parameter value, e.g. {@code 100KB}. */
    public String label() {
        return label;
    }

    public int bodyBytes() {
        return bodyBytes;
    }

    /** Fits the shipped {@code limits} (size and element count); the 50 MB message does not. */
    public boolean withinDefaultLimits() {
        return this != MB_50;
    }

    public static MessageSize of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown size " + label));
    }
}
