package io.wssgate.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Rules for SAML 1.1 and 2.0 assertions. Every assertion must be signed by one of the
 * {@code issuers}; every AudienceRestriction must name one of {@code audiences}.
 * {@code maxAge} bounds how old an assertion's IssueInstant may be.
 */
public record SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                         Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay,
                         java.util.Optional<StsValidation> stsValidation) {
    public SamlPolicy {
        issuers = List.copyOf(issuers);
        audiences = List.copyOf(audiences);
        confirmationMethods = Set.copyOf(confirmationMethods);
        stsValidation = stsValidation == null ? java.util.Optional.empty() : stsValidation;
    }

    /** Without validation through an STS. */
    public SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                      Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay) {
        this(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay, java.util.Optional.empty());
    }

    public static SamlPolicy disabled() {
        return new SamlPolicy(false, List.of(), List.of(), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES),
                AssertionReplay.ONE_TIME_USE);
    }
}
