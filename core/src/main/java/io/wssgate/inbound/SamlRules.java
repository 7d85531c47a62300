package io.wssgate.inbound;

import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapEnvelope;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.SamlPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.w3c.dom.Element;

/**
 * The SAML processing rules, after WSS4J has verified the assertion's signature against its
 * issuer's certificates ({@link IssuerTrustingSamlValidator}). Here: one assertion, signed;
 * a structure WSS Gate can act on ({@link AssertionFacts}: version, one subject, understood
 * conditions, a name); the times ({@link SamlTimeRules}); every AudienceRestriction names one
 * of our audiences; the confirmation method is allowed, its SubjectConfirmationData fits this
 * delivery ({@link ConfirmationDataRules}) and it is proven (holder-of-key: Body and Timestamp
 * signed with the subject's key; sender-vouches: one signature by a certificate-trusted sender
 * over the assertion and the Body, never a key the assertion itself supplies). Replays are
 * {@link ReplayGuard}'s job.
 */
final class SamlRules {
    private final SamlPolicy policy;
    private final SamlTimeRules times;
    private final ConfirmationDataRules confirmationData;

    SamlRules(SamlPolicy policy, Clock clock) {
        this.policy = policy;
        this.times = new SamlTimeRules(policy, clock);
        this.confirmationData = new ConfirmationDataRules(policy);
    }

    /** The confirmed assertion, if the message carries one. */
    Optional<ConfirmedAssertion> check(SoapEnvelope envelope, SecurityResults results, Delivery delivery)
            throws SecurityFault {
        return check(envelope, results, delivery, policy.confirmationMethods());
    }

    /**
     * The same, accepting the confirmation methods {@code accepted} (an operation's
     * {@code confirmation-methods} replace the policy's).
     */
    Optional<ConfirmedAssertion> check(SoapEnvelope envelope, SecurityResults results, Delivery delivery,
                                       java.util.Set<ConfirmationMethod> accepted) throws SecurityFault {
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
        AssertionFacts facts = AssertionFacts.of(assertion);
        ConfirmationMethod method = facts.confirmation().method();
        if (!accepted.contains(method)) {
            // the accepted methods are the policy's or, for a request naming an operation, the operation's
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "confirmation method not allowed: " + method.key()
                    + " (accepted here: " + accepted.stream().map(ConfirmationMethod::key).sorted()
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        Instant usableUntil = times.check(facts);
        checkAudiences(facts);
        confirmationData.check(facts.confirmation(), delivery);
        Optional<X509Certificate> signer = switch (method) {
            case HOLDER_OF_KEY -> proveHolderOfKey(assertion, envelope, results);
            case SENDER_VOUCHES -> Optional.of(proveSenderVouches(assertion, envelope, results));
            case BEARER -> Optional.empty();
        };
        return Optional.of(new ConfirmedAssertion(assertion, facts, signer, usableUntil));
    }

    private void checkAudiences(AssertionFacts facts) throws SecurityFault {
        if (facts.audiences().isEmpty()) {
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "assertion has no AudienceRestriction");
        }
        for (List<String> audiences : facts.audiences()) {
            if (audiences.stream().noneMatch(policy.audiences()::contains)) {
                throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION,
                        "AudienceRestriction " + audiences + " names none of " + policy.audiences());
            }
        }
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

    /**
     * An assertion whose subject confirmation was proven; {@code signer} is the message signer's
     * certificate; {@code usableUntil} the last instant the rules would still accept it.
     */
    record ConfirmedAssertion(SamlAssertionWrapper assertion, AssertionFacts facts, Optional<X509Certificate> signer,
                              Instant usableUntil) {
        ConfirmationMethod method() {
            return facts.confirmation().method();
        }
    }
}
