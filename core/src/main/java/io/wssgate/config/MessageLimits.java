package io.wssgate.config;

/**
 * Bounds applied before and while parsing an inbound message. {@code maxElements} bounds what
 * a message costs: a few bytes per element let the size limit carry millions of elements, each
 * paid for in DOM memory, ID walks and canonicalisation.
 */
public record MessageLimits(long maxMessageBytes, int maxDepth, int maxElements) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** Room for a realistic 10 MiB payload (about 130,000 elements of business data) while a million tiny siblings stay out. */
    public static final int DEFAULT_MAX_ELEMENTS = 500_000;

    public MessageLimits {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be positive");
        }
    }

    /** The given size and depth, with the default element bound. */
    public MessageLimits(long maxMessageBytes, int maxDepth) {
        this(maxMessageBytes, maxDepth, DEFAULT_MAX_ELEMENTS);
    }

    public static MessageLimits defaults() {
        return new MessageLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);
    }
}
