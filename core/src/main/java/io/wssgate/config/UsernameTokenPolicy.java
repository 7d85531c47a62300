package io.wssgate.config;

import io.wssgate.spi.PasswordSource;
import java.time.Duration;
import java.util.Optional;

/**
 * Rules for wsse:UsernameToken. Off unless enabled. {@code passwordSource} checks credentials;
 * {@code allowPasswordText} permits PasswordText in addition to PasswordDigest.
 */
public record UsernameTokenPolicy(boolean enabled, Optional<PasswordSource> passwordSource, boolean allowPasswordText,
                                  Duration maxAge, Duration futureSkew, boolean nonceReplayDetection) {
    public UsernameTokenPolicy {
        passwordSource = passwordSource == null ? Optional.empty() : passwordSource;
    }

    public static UsernameTokenPolicy disabled() {
        return new UsernameTokenPolicy(false, Optional.empty(), false, Duration.ofMinutes(5), Duration.ofSeconds(60),
                true);
    }
}
