package io.wssgate.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Rules for SAML 1.1 and 2.0 assertions. Every assertion must be signed by one of the
 * {@code issuers}; every AudienceRestriction must name one of {@code audiences}.
 * {@code maxAge} bounds how old an assertion's IssueInstant may be.
 * {@code encryptedAssertions}: a SAML 2.0 assertion may also arrive as a saml2:EncryptedAssertion
 * for the policy's decryption key (off by default; then such a message is refused).
 */
public record SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                         Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay,
                         java.util.Optional<StsValidation> stsValidation, boolean encryptedAssertions) {
    public SamlPolicy {
        issuers = List.copyOf(issuers);
        audiences = List.copyOf(audiences);
        confirmationMethods = Set.copyOf(confirmationMethods);
        stsValidation = stsValidation == null ? java.util.Optional.empty() : stsValidation;
    }

    /** Plain assertions only (no saml2:EncryptedAssertion). */
    public SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                      Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay,
                      java.util.Optional<StsValidation> stsValidation) {
        this(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay, stsValidation, false);
    }

    /** Without validation through an STS. */
    public SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                      Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay) {
        this(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay, java.util.Optional.empty());
    }

    /** The same rules, accepting saml2:EncryptedAssertion or not. */
    public SamlPolicy withEncryptedAssertions(boolean accepted) {
        return new SamlPolicy(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay,
                stsValidation, accepted);
    }

    public static SamlPolicy disabled() {
        return new SamlPolicy(false, List.of(), List.of(), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES),
                AssertionReplay.ONE_TIME_USE);
    }
}
