package io.wssgate.config;

/** Bounds applied before and while parsing an inbound message. */
public record MessageLimits(long maxMessageBytes, int maxDepth) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 100;

    public static MessageLimits defaults() {
        return new MessageLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DEPTH);
    }
}
