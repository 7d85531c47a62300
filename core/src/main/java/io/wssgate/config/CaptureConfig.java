package io.wssgate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Rejected requests written to {@code directory} ({@code diagnostics.capture-rejected}), so
 * {@code wssgate explain} can be run on exactly what failed: at most {@code maxFiles} captures,
 * none older than {@code maxAge} (the oldest deleted first), each named by the correlation id of
 * its fault; with {@code redactBody} the SOAP Body's content is removed before writing. Off unless
 * configured.
 */
public record CaptureConfig(Path directory, int maxFiles, Duration maxAge, boolean redactBody) {
    public static final int DEFAULT_MAX_FILES = 100;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    public CaptureConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxFiles < 1) {
            throw new IllegalArgumentException("maxFiles must be at least 1");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    /** Captures in {@code directory}, 100 at most, a week at most, Body redacted. */
    public static CaptureConfig in(Path directory) {
        return new CaptureConfig(directory, DEFAULT_MAX_FILES, DEFAULT_MAX_AGE, true);
    }

    public CaptureConfig withMaxFiles(int value) {
        return new CaptureConfig(directory, value, maxAge, redactBody);
    }

    public CaptureConfig withMaxAge(Duration value) {
        return new CaptureConfig(directory, maxFiles, value, redactBody);
    }

    public CaptureConfig withRedactBody(boolean value) {
        return new CaptureConfig(directory, maxFiles, maxAge, value);
    }
}
