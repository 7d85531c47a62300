package io.wssgate.config;

/**
 * Bounds applied before and while parsing an inbound message, and the bound on what a policy
 * remembers about accepted messages ({@code replayCacheEntries}): memory stays bounded whatever
 * the traffic, because a full replay cache evicts its oldest entries.
 */
public record MessageLimits(long maxMessageBytes, int maxDepth, int replayCacheEntries) {
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 100;
    public static final int DEFAULT_REPLAY_CACHE_ENTRIES = 100_000;

    public MessageLimits {
        if (replayCacheEntries < 1) {
            throw new IllegalArgumentException("replayCacheEntries must be positive");
        }
    }

    public MessageLimits(long maxMessageBytes, int maxDepth) {
        this(maxMessageBytes, maxDepth, DEFAULT_REPLAY_CACHE_ENTRIES);
    }

    public static MessageLimits defaults() {
        return new MessageLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_REPLAY_CACHE_ENTRIES);
    }
}
