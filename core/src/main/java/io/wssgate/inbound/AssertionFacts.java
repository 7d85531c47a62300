package io.wssgate.inbound;

import io.wssgate.identity.ConfirmationMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.opensaml.saml.common.SAMLVersion;

/**
 * What the SAML rules and the identity take from one assertion, in the same shape for SAML 1.1
 * and 2.0. Built by {@link Saml2Reader} or {@link Saml1Reader}, which refuse an assertion whose
 * structure WSS Gate cannot act on safely (another version, more than one subject, a condition
 * it does not understand, an empty name); the time, audience and confirmation rules that
 * depend on the policy are {@link SamlRules}' job.
 *
 * @param validity     the Conditions' NotBefore / NotOnOrAfter
 * @param audiences    one list per AudienceRestriction (every one must name us)
 * @param oneTimeUse   SAML 2.0 OneTimeUse, or SAML 1.1 DoNotCacheCondition
 * @param proxyLimit   SAML 2.0 ProxyRestriction, which binds assertions issued on the basis of this one
 */
record AssertionFacts(SAMLVersion version, String id, String issuer, Instant issueInstant, Window validity,
                      List<List<String>> audiences, boolean oneTimeUse, Optional<ProxyLimit> proxyLimit,
                      Subject subject, Confirmation confirmation, Map<String, List<String>> attributes,
                      Optional<String> authenticationMethod, Optional<Instant> authenticationInstant) {

    AssertionFacts {
        audiences = List.copyOf(audiences);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    static AssertionFacts of(SamlAssertionWrapper assertion) throws io.wssgate.fault.SecurityFault {
        return assertion.getSamlVersion() == SAMLVersion.VERSION_20
                ? Saml2Reader.read(assertion.getSaml2()) : Saml1Reader.read(assertion.getSaml1());
    }

    /** A validity window; either end may be open. */
    record Window(Optional<Instant> notBefore, Optional<Instant> notOnOrAfter) {
        static final Window OPEN = new Window(Optional.empty(), Optional.empty());
    }

    /** The one subject every statement is about: its name (never blank) and NameID format. */
    record Subject(String name, Optional<String> format) {
    }

    /**
     * The subject's one confirmation: its method and the SubjectConfirmationData attributes
     * (SAML 2.0; a SAML 1.1 confirmation has none of them).
     */
    record Confirmation(ConfirmationMethod method, String methodUri, Window window, Optional<String> recipient,
                        Optional<String> inResponseTo, Optional<String> address) {
    }

    /** ProxyRestriction: at most {@code count} further indirections (none: unlimited), only to {@code audiences} (empty: any). */
    record ProxyLimit(Optional<Integer> count, List<String> audiences) {
        ProxyLimit {
            audiences = List.copyOf(audiences);
        }
    }
}
