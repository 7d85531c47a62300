package io.wssgate.inbound;

import static io.wssgate.inbound.SamlText.invalid;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.SamlPolicy;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.AssertionFacts.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensaml.saml.common.SAMLVersion;

/**
 * When an assertion may be used, all with the policy's clock skew: its IssueInstant is neither
 * in the future nor older than {@code saml.max-age} (whatever its Conditions say, so an issuer's
 * long validity window cannot outlive the policy's bound); now lies within the Conditions'
 * NotBefore/NotOnOrAfter and within the SubjectConfirmationData's. A bearer assertion must
 * bound its use (SAML 2.0 profiles 4.1.4.2: a NotOnOrAfter on its SubjectConfirmationData, or
 * where the policy relaxes that, on its Conditions; a SAML 1.1 one, which has no such data, a
 * NotOnOrAfter on its Conditions).
 */
final class SamlTimeRules {
    private final Duration skew;
    private final Duration maxAge;
    private final Clock clock;
    private final boolean bearerConfirmationWindowRequired;

    SamlTimeRules(SamlPolicy policy, Clock clock) {
        this.skew = policy.clockSkew();
        this.maxAge = policy.maxAge();
        this.clock = clock;
        this.bearerConfirmationWindowRequired = policy.bearerConfirmationWindowRequired();
    }

    /** @return the last instant at which the assertion is still acceptable (for replay records) */
    Instant check(AssertionFacts facts) throws SecurityFault {
        Instant now = clock.instant();
        if (facts.issueInstant().isAfter(now.plus(skew))) {
            throw invalid("IssueInstant " + facts.issueInstant() + " is in the future (clock skew " + skew + ")");
        }
        Instant tooOld = facts.issueInstant().plus(maxAge).plus(skew);
        if (!now.isBefore(tooOld)) {
            throw invalid("IssueInstant " + facts.issueInstant() + " is older than saml.max-age " + maxAge
                    + " (clock skew " + skew + ")");
        }
        within(facts.validity(), now, "Conditions");
        within(facts.confirmation().window(), now, "SubjectConfirmationData");
        if (facts.confirmation().method() == ConfirmationMethod.BEARER) {
            boolean confirmationBound = facts.version() == SAMLVersion.VERSION_20 && bearerConfirmationWindowRequired;
            Window bound = confirmationBound ? facts.confirmation().window() : facts.validity();
            if (bound.notOnOrAfter().isEmpty()) {
                throw invalid("bearer assertion without a NotOnOrAfter on its "
                        + (confirmationBound ? "SubjectConfirmationData" : "Conditions"));
            }
        }
        Instant until = tooOld;
        for (Optional<Instant> end : List.of(facts.validity().notOnOrAfter(),
                facts.confirmation().window().notOnOrAfter())) {
            if (end.isPresent() && end.get().plus(skew).isBefore(until)) {
                until = end.get().plus(skew);
            }
        }
        return until;
    }

    private void within(Window window, Instant now, String where) throws SecurityFault {
        if (window.notBefore().isPresent() && window.notBefore().get().isAfter(now.plus(skew))) {
            throw invalid(where + " NotBefore " + window.notBefore().get() + " not reached (clock skew " + skew + ")");
        }
        if (window.notOnOrAfter().isPresent() && !now.isBefore(window.notOnOrAfter().get().plus(skew))) {
            throw invalid(where + " NotOnOrAfter " + window.notOnOrAfter().get() + " passed (clock skew " + skew + ")");
        }
    }
}
