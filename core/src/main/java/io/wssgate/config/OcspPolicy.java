package io.wssgate.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Online revocation checking (OCSP, RFC 6960) of the signer's certificate and its chain.
 * {@code responderUrl} overrides the responder each certificate names in its Authority
 * Information Access extension. With {@code softFail} a responder that cannot answer lets the
 * message through (logged); without it (the default) the message is refused. Answers are cached
 * for their validity, at most {@code cacheTtl}; each request waits at most {@code timeout};
 * with {@code nonce} every request carries a fresh nonce that the answer must not contradict.
 */
public record OcspPolicy(boolean enabled, Optional<URI> responderUrl, boolean softFail, Duration cacheTtl,
                         Duration timeout, boolean nonce) {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public OcspPolicy {
        responderUrl = responderUrl == null ? Optional.empty() : responderUrl;
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static OcspPolicy disabled() {
        return new OcspPolicy(false, Optional.empty(), false, DEFAULT_CACHE_TTL, DEFAULT_TIMEOUT, true);
    }

    /** On, asking the responder each certificate names, hard-failing, with the default cache, timeout and nonce. */
    public static OcspPolicy enabledByDefault() {
        return new OcspPolicy(true, Optional.empty(), false, DEFAULT_CACHE_TTL, DEFAULT_TIMEOUT, true);
    }

    public OcspPolicy withResponderUrl(URI url) {
        return new OcspPolicy(enabled, Optional.of(url), softFail, cacheTtl, timeout, nonce);
    }

    public OcspPolicy withSoftFail(boolean value) {
        return new OcspPolicy(enabled, responderUrl, value, cacheTtl, timeout, nonce);
    }

    public OcspPolicy withNonce(boolean value) {
        return new OcspPolicy(enabled, responderUrl, softFail, cacheTtl, timeout, value);
    }

    public OcspPolicy withTimeout(Duration value) {
        return new OcspPolicy(enabled, responderUrl, softFail, cacheTtl, value, nonce);
    }

    public OcspPolicy withCacheTtl(Duration value) {
        return new OcspPolicy(enabled, responderUrl, softFail, value, timeout, nonce);
    }
}
