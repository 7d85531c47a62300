package io.wssgate.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Inbound assertions are also checked by the STS's Validate binding, in addition to (never
 * instead of) the local checks; each verdict is cached for the token's lifetime.
 */
public record StsValidation(URI endpoint, StsAuthentication authentication, Duration timeout) {
    public StsValidation {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(timeout, "timeout");
    }
}
