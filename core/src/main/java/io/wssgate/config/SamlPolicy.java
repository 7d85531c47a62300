package io.wssgate.config;

import io.wssgate.identity.ConfirmationMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for SAML 1.1 and 2.0 assertions. Every assertion must be signed by one of the
 * {@code issuers}; every AudienceRestriction must name one of {@code audiences}.
 * {@code maxAge} bounds how old an assertion's IssueInstant may be, whatever its Conditions
 * say; {@code clockSkew} is the tolerance of every time comparison. A SubjectConfirmationData
 * {@code Recipient} must be one of {@code recipients} (none configured: the URL the request
 * arrived at); its {@code Address} is compared with the sender's when {@code checkAddress}.
 * A SAML 2.0 bearer confirmation must bound its own use with a NotOnOrAfter unless
 * {@code bearerConfirmationWindowRequired} is false (then the Conditions' NotOnOrAfter suffices).
 * {@code encryptedAssertions}: a SAML 2.0 assertion may also arrive as a saml2:EncryptedAssertion
 * for the policy's decryption key (off by default; then such a message is refused).
 */
public record SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                         Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay,
                         Optional<StsValidation> stsValidation, List<String> recipients, boolean checkAddress,
                         boolean bearerConfirmationWindowRequired, boolean encryptedAssertions) {
    public SamlPolicy {
        issuers = List.copyOf(issuers);
        audiences = List.copyOf(audiences);
        confirmationMethods = Set.copyOf(confirmationMethods);
        stsValidation = stsValidation == null ? Optional.empty() : stsValidation;
        recipients = List.copyOf(recipients);
    }

    /**
     * Recipient checked against the request URL, Address not checked, the bearer window
     * required, plain assertions only.
     */
    public SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                      Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay,
                      Optional<StsValidation> stsValidation) {
        this(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay, stsValidation, List.of(),
                false, true, false);
    }

    /** Without validation through an STS. */
    public SamlPolicy(boolean enabled, List<TrustedIssuer> issuers, List<String> audiences, Duration clockSkew,
                      Duration maxAge, Set<ConfirmationMethod> confirmationMethods, AssertionReplay replay) {
        this(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay, Optional.empty());
    }

    public static SamlPolicy disabled() {
        return new SamlPolicy(false, List.of(), List.of(), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES),
                AssertionReplay.ONE_TIME_USE);
    }

    /** The same rules with these endpoint addresses as the only acceptable Recipients. */
    public SamlPolicy withRecipients(List<String> endpointUrls) {
        return new SamlPolicy(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay,
                stsValidation, endpointUrls, checkAddress, bearerConfirmationWindowRequired, encryptedAssertions);
    }

    /** The same rules, comparing a SubjectConfirmationData Address with the sender's address or not. */
    public SamlPolicy withAddressCheck(boolean check) {
        return new SamlPolicy(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay,
                stsValidation, recipients, check, bearerConfirmationWindowRequired, encryptedAssertions);
    }

    /**
     * The same rules; with {@code required} false a SAML 2.0 bearer assertion may leave its
     * SubjectConfirmationData without NotOnOrAfter if its Conditions have one (Apache CXF's STS
     * issues such tokens by default).
     */
    public SamlPolicy withBearerConfirmationWindowRequired(boolean required) {
        return new SamlPolicy(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay,
                stsValidation, recipients, checkAddress, required, encryptedAssertions);
    }

    /** The same rules, accepting saml2:EncryptedAssertion or not. */
    public SamlPolicy withEncryptedAssertions(boolean accepted) {
        return new SamlPolicy(enabled, issuers, audiences, clockSkew, maxAge, confirmationMethods, replay,
                stsValidation, recipients, checkAddress, bearerConfirmationWindowRequired, accepted);
    }
}
