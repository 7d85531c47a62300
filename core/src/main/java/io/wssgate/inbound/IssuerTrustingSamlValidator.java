package io.wssgate.inbound;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.SamlAssertionValidator;

/**
 * WSS4J's SAML validator with per-issuer trust: an assertion's signature is trusted only if
 * the key that verified it belongs to a certificate configured for exactly the Issuer the
 * assertion names. The message-signature trust store is never consulted, so a partner CA
 * trusted for message signatures cannot mint assertions, and one issuer cannot speak for
 * another. Conditions, times, subject confirmation and audience are checked later by
 * {@link SamlRules}.
 */
final class IssuerTrustingSamlValidator extends SamlAssertionValidator {
    private final Map<String, List<X509Certificate>> issuers;
    private final Clock clock;

    IssuerTrustingSamlValidator(Map<String, List<X509Certificate>> issuers, Duration clockSkew, Clock clock) {
        this.issuers = Map.copyOf(issuers);
        this.clock = clock;
        setFutureTTL((int) clockSkew.toSeconds());
        setRequireBearerSignature(true);
        setRequireStandardSubjectConfirmationMethod(true);
    }

    /**
     * Conditions, IssueInstant and audiences are {@link SamlRules}' (with the policy's clock and
     * skew, IssueInstant bounded by max-age whatever the Conditions say, every condition
     * understood); WSS4J's looser versions of the same checks are not run twice.
     */
    @Override
    protected void checkConditions(SamlAssertionWrapper assertion, List<String> audienceRestrictions) {
        // deliberately empty, see above
    }

    @Override
    protected Credential verifySignedAssertion(SamlAssertionWrapper assertion, RequestData data)
            throws WSSecurityException {
        String issuer = assertion.getIssuerString();
        List<X509Certificate> trusted = issuer == null ? null : issuers.get(issuer);
        if (trusted == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, "invalidSAMLsecurity",
                    new Object[] {"issuer not trusted: " + issuer});
        }
        SAMLKeyInfo keyInfo = assertion.getSignatureKeyInfo();
        PublicKey key = keyInfo.getCerts() != null && keyInfo.getCerts().length > 0
                ? keyInfo.getCerts()[0].getPublicKey() : keyInfo.getPublicKey();
        X509Certificate match = trusted.stream().filter(c -> c.getPublicKey().equals(key)).findFirst()
                .orElseThrow(() -> new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION,
                        "invalidSAMLsecurity", new Object[] {"assertion not signed by a certificate of " + issuer}));
        try {
            match.checkValidity(java.util.Date.from(clock.instant()));
        } catch (java.security.cert.CertificateException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, e, "invalidSAMLsecurity",
                    new Object[] {"issuer certificate not valid now"});
        }
        Credential credential = new Credential();
        credential.setCertificates(new X509Certificate[] {match});
        return credential;
    }
}
