package io.wssgate.inbound;

import io.wssgate.config.ConfirmationMethod;
import io.wssgate.config.SamlPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.opensaml.saml.common.SAMLVersion;
import org.w3c.dom.Element;

/**
 * The SAML checks WSS4J does not make, or makes too loosely. WSS4J has already verified
 * the assertion's signature against its issuer's certificates, its validity window and
 * IssueInstant. Here: the assertion is signed; it has one confirmation method and the
 * policy allows it; every AudienceRestriction names one of our audiences; the subject
 * confirmation is proven (holder-of-key: Body and Timestamp signed with the subject's key;
 * sender-vouches: one signature by a certificate-trusted sender over the assertion and the
 * Body, never a key the assertion itself supplies). Replays are {@link ReplayGuard}'s job.
 */
final class SamlRules {
    private final SamlPolicy policy;

    SamlRules(SamlPolicy policy) {
        this.policy = policy;
    }

    /** The confirmed assertion, if the message carries one. */
    Optional<ConfirmedAssertion> check(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        if (results.assertions().isEmpty()) {
            return Optional.empty();
        }
        if (results.assertions().size() > 1) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one SAML assertion");
        }
        SamlAssertionWrapper assertion = results.assertions().get(0);
        if (!assertion.isSigned()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY_TOKEN, "SAML assertion is not signed by its issuer");
        }
        ConfirmationMethod method = confirmationMethod(assertion);
        checkAudiences(assertion);
        Optional<X509Certificate> signer = switch (method) {
            case HOLDER_OF_KEY -> proveHolderOfKey(assertion, envelope, results);
            case SENDER_VOUCHES -> Optional.of(proveSenderVouches(assertion, envelope, results));
            case BEARER -> Optional.empty();
        };
        return Optional.of(new ConfirmedAssertion(assertion, method, signer));
    }

    private ConfirmationMethod confirmationMethod(SamlAssertionWrapper assertion) throws SecurityFault {
        Set<ConfirmationMethod> methods = assertion.getConfirmationMethods().stream()
                .map(ConfirmationMethod::fromUri).flatMap(Optional::stream).collect(Collectors.toSet());
        if (methods.size() != 1) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY_TOKEN,
                    "assertion must have exactly one known confirmation method, has " + assertion.getConfirmationMethods());
        }
        ConfirmationMethod method = methods.iterator().next();
        if (!policy.confirmationMethods().contains(method)) {
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "confirmation method not allowed: " + method.key());
        }
        return method;
    }

    private void checkAudiences(SamlAssertionWrapper assertion) throws SecurityFault {
        List<List<String>> restrictions = audienceRestrictions(assertion);
        if (restrictions.isEmpty()) {
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "assertion has no AudienceRestriction");
        }
        for (List<String> audiences : restrictions) {
            if (audiences.stream().noneMatch(policy.audiences()::contains)) {
                throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION,
                        "AudienceRestriction " + audiences + " names none of " + policy.audiences());
            }
        }
    }

    private static List<List<String>> audienceRestrictions(SamlAssertionWrapper assertion) {
        if (assertion.getSamlVersion() == SAMLVersion.VERSION_20) {
            var conditions = assertion.getSaml2().getConditions();
            return conditions == null ? List.of() : conditions.getAudienceRestrictions().stream()
                    .map(r -> r.getAudiences().stream().map(a -> a.getURI()).toList()).toList();
        }
        var conditions = assertion.getSaml1().getConditions();
        return conditions == null ? List.of() : conditions.getAudienceRestrictionConditions().stream()
                .map(r -> r.getAudiences().stream().map(a -> a.getURI()).toList()).toList();
    }

    private static Optional<X509Certificate> proveHolderOfKey(SamlAssertionWrapper assertion, SoapEnvelope envelope,
                                                    SecurityResults results) throws SecurityFault {
        SAMLKeyInfo subject = assertion.getSubjectKeyInfo();
        PublicKey subjectKey = subject == null ? null
                : subject.getCerts() != null && subject.getCerts().length > 0 ? subject.getCerts()[0].getPublicKey()
                : subject.getPublicKey();
        if (subjectKey == null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY_TOKEN, "holder-of-key assertion without a subject key");
        }
        Element timestamp = results.timestamps().isEmpty() ? null : results.timestamps().get(0).getElement();
        for (VerifiedSignature s : results.signatures()) {
            boolean subjectsKey = subjectKey.equals(s.publicKey())
                    && (s.keyAssertion().isEmpty() || s.keyAssertion().get().getElement() == assertion.getElement());
            if (subjectsKey && s.covers(envelope.body()) && (timestamp == null || s.covers(timestamp))) {
                return s.certificate();
            }
        }
        throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION,
                "holder-of-key: Body and Timestamp are not signed with the assertion subject's key");
    }

    private static X509Certificate proveSenderVouches(SamlAssertionWrapper assertion, SoapEnvelope envelope,
                                                      SecurityResults results) throws SecurityFault {
        for (VerifiedSignature s : results.signatures()) {
            if (s.keyFromCertificate() && s.covers(assertion.getElement()) && s.covers(envelope.body())) {
                return s.certificate().get();
            }
        }
        throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION,
                "sender-vouches: no trusted sender signature covers both the assertion and the Body");
    }

    static boolean isOneTimeUse(SamlAssertionWrapper assertion) {
        if (assertion.getSamlVersion() == SAMLVersion.VERSION_20) {
            var conditions = assertion.getSaml2().getConditions();
            return conditions != null && conditions.getOneTimeUse() != null;
        }
        var conditions = assertion.getSaml1().getConditions();
        return conditions != null && !conditions.getDoNotCacheConditions().isEmpty();
    }

    /** An assertion whose subject confirmation was proven; {@code signer} is the message signer's certificate. */
    record ConfirmedAssertion(SamlAssertionWrapper assertion, ConfirmationMethod method,
                              Optional<X509Certificate> signer) {
    }
}
