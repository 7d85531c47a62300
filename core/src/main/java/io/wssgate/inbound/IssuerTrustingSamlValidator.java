package io.wssgate.inbound;

import io.wssgate.keys.KeyUsages;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.OpenSAMLUtil;
import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.saml.builder.SAML1Constants;
import org.apache.wss4j.common.saml.builder.SAML2Constants;
import org.apache.wss4j.common.util.InetAddressUtils;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml1.core.AuthenticationStatement;
import org.opensaml.saml.saml1.core.SubjectLocality;
import org.opensaml.saml.saml2.core.AuthnStatement;
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
 *
 * <p>The subject confirmation and AuthnStatement rules WSS4J applies here are kept as they are,
 * but checked by this class: WSS4J states the reason of such a failure only in a WARN line of
 * its own (no correlation id, one per bad request) and throws a generic "SAML token security
 * failure". Here the reason travels in the exception to the one rejection line.
 */
final class IssuerTrustingSamlValidator extends SamlAssertionValidator {
    private final Map<String, List<X509Certificate>> issuers;
    private final Clock clock;
    private final Duration clockSkew;

    IssuerTrustingSamlValidator(Map<String, List<X509Certificate>> issuers, Duration clockSkew, Clock clock) {
        this.issuers = Map.copyOf(issuers);
        this.clock = clock;
        this.clockSkew = clockSkew;
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

    /**
     * WSS4J's rule (with requireStandardSubjectConfirmationMethod and requireBearerSignature on):
     * a standard confirmation method must be present; holder-of-key needs a subject key and the
     * issuer's signature, bearer the issuer's signature.
     */
    @Override
    protected void verifySubjectConfirmationMethod(SamlAssertionWrapper assertion) throws WSSecurityException {
        List<String> methods = assertion.getConfirmationMethods();
        boolean signed = assertion.isSigned();
        boolean standard = false;
        for (String method : methods == null ? List.<String>of() : methods) {
            if (OpenSAMLUtil.isMethodHolderOfKey(method)) {
                if (assertion.getSubjectKeyInfo() == null) {
                    throw token("holder-of-key assertion without a KeyInfo in its SubjectConfirmation");
                }
                if (!signed) {
                    throw token("holder-of-key assertion not signed by its issuer");
                }
                standard = true;
            } else if (SAML2Constants.CONF_BEARER.equals(method) || SAML1Constants.CONF_BEARER.equals(method)) {
                if (!signed) {
                    throw token("bearer assertion not signed by its issuer");
                }
                standard = true;
            } else if (SAML2Constants.CONF_SENDER_VOUCHES.equals(method)
                    || SAML1Constants.CONF_SENDER_VOUCHES.equals(method)) {
                standard = true;
            }
        }
        if (!standard) {
            throw token("no standard subject confirmation method (holder-of-key, sender-vouches or bearer): "
                    + (methods == null || methods.isEmpty() ? "none" : methods));
        }
    }

    /**
     * WSS4J's AuthnStatement rule: an AuthnInstant not in the future (beyond the clock skew), a
     * SessionNotOnOrAfter not passed, a SubjectLocality address that is an IP address.
     */
    @Override
    protected void checkAuthnStatements(SamlAssertionWrapper assertion) throws WSSecurityException {
        if (assertion.getSamlVersion() == SAMLVersion.VERSION_20 && assertion.getSaml2() != null) {
            for (AuthnStatement statement : assertion.getSaml2().getAuthnStatements()) {
                org.opensaml.saml.saml2.core.SubjectLocality locality = statement.getSubjectLocality();
                authnStatement(statement.getAuthnInstant(), statement.getSessionNotOnOrAfter(),
                        locality == null ? null : locality.getAddress());
            }
        } else if (assertion.getSamlVersion() == SAMLVersion.VERSION_11 && assertion.getSaml1() != null) {
            for (AuthenticationStatement statement : assertion.getSaml1().getAuthenticationStatements()) {
                SubjectLocality locality = statement.getSubjectLocality();
                authnStatement(statement.getAuthenticationInstant(), null,
                        locality == null ? null : locality.getIPAddress());
            }
        }
    }

    private void authnStatement(Instant authnInstant, Instant sessionNotOnOrAfter, String address)
            throws WSSecurityException {
        Instant now = clock.instant(); // the policy clock, like every other time rule
        if (authnInstant == null) {
            // required by SAML (and WSS4J's own check failed on it too)
            throw token("AuthnStatement without AuthnInstant");
        }
        if (authnInstant.isAfter(now.plus(clockSkew))) {
            throw token("AuthnStatement AuthnInstant " + authnInstant + " is in the future (clock skew " + clockSkew + ")");
        }
        if (sessionNotOnOrAfter != null && sessionNotOnOrAfter.isBefore(now)) {
            throw token("AuthnStatement SessionNotOnOrAfter " + sessionNotOnOrAfter + " passed: the session has ended");
        }
        if (address != null && !InetAddressUtils.isIPv4Address(address) && !InetAddressUtils.isIPv6Address(address)) {
            throw token("AuthnStatement SubjectLocality address '" + address + "' is not an IP address");
        }
    }

    /** A SAML rule failure (mapped to InvalidSecurityToken, as WSS4J's generic SAML failure is). */
    private static WSSecurityException token(String reason) {
        return new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "badSamlToken", new Object[] {reason});
    }

    @Override
    protected Credential verifySignedAssertion(SamlAssertionWrapper assertion, RequestData data)
            throws WSSecurityException {
        String issuer = assertion.getIssuerString();
        List<X509Certificate> trusted = issuer == null ? null : issuers.get(issuer);
        if (trusted == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, "badSamlToken",
                    new Object[] {"issuer not trusted: " + issuer});
        }
        SAMLKeyInfo keyInfo = assertion.getSignatureKeyInfo();
        PublicKey key = keyInfo.getCerts() != null && keyInfo.getCerts().length > 0
                ? keyInfo.getCerts()[0].getPublicKey() : keyInfo.getPublicKey();
        X509Certificate match = trusted.stream().filter(c -> c.getPublicKey().equals(key)).findFirst()
                .orElseThrow(() -> new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION,
                        "badSamlToken", new Object[] {"assertion not signed by a certificate of " + issuer}));
        try {
            match.checkValidity(java.util.Date.from(clock.instant()));
        } catch (java.security.cert.CertificateException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, e, "badSamlToken",
                    new Object[] {"issuer certificate not valid now: " + e.getMessage()});
        }
        // The issuer's file may hold its chain too; the certificate that signed must be allowed to sign.
        Optional<String> usage = KeyUsages.forbidsSigning(match);
        if (usage.isPresent()) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, "badSamlToken",
                    new Object[] {"issuer certificate '" + match.getSubjectX500Principal().getName()
                            + "' of " + issuer + " is not accepted: " + usage.get()});
        }
        Credential credential = new Credential();
        credential.setCertificates(new X509Certificate[] {match});
        return credential;
    }
}
