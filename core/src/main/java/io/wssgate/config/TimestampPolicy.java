package io.wssgate.config;

import java.time.Duration;

/**
 * Rules for the wsu:Timestamp. {@code replayDetection} remembers signed timestamps (with the
 * signature value) until they expire, so the same signed message is accepted once.
 */
public record TimestampPolicy(boolean required, Duration maxAge, Duration futureSkew, boolean expiresRequired,
                              boolean replayDetection) {
    public static TimestampPolicy defaults() {
        return new TimestampPolicy(true, Duration.ofMinutes(5), Duration.ofSeconds(60), true, true);
    }
}
