package io.wssgate.inbound;

import static io.wssgate.inbound.SamlText.attribute;
import static io.wssgate.inbound.SamlText.invalid;
import static io.wssgate.inbound.SamlText.nonBlank;
import static io.wssgate.inbound.SamlText.text;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.AssertionFacts.Confirmation;
import io.wssgate.inbound.AssertionFacts.ProxyLimit;
import io.wssgate.inbound.AssertionFacts.Subject;
import io.wssgate.inbound.AssertionFacts.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * Reads a SAML 2.0 assertion into {@link AssertionFacts}, refusing what SAML 2.0 core says a
 * relying party must not accept or cannot evaluate: a Version other than 2.0 (core 2.3.3), an
 * Issuer that is not an entity identifier (core 8.3.6), a Condition it does not understand
 * (core 2.5.1.1: the assertion is then Indeterminate), a second OneTimeUse or ProxyRestriction
 * (2.5.1.5, 2.5.1.6), a subject without a non-empty NameID, and a subject confirmation that
 * is not exactly one of the three standard methods or that names another identifier than the
 * subject.
 */
final class Saml2Reader {
    static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    static final String SENDER_VOUCHES = "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final String ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    private static final Map<String, ConfirmationMethod> METHODS = Map.of(HOLDER_OF_KEY,
            ConfirmationMethod.HOLDER_OF_KEY, SENDER_VOUCHES, ConfirmationMethod.SENDER_VOUCHES, BEARER,
            ConfirmationMethod.BEARER);
    private static final List<String> KNOWN_CONDITIONS = List.of("AudienceRestriction", "OneTimeUse", "ProxyRestriction");

    private Saml2Reader() {
    }

    static AssertionFacts read(Assertion assertion) throws SecurityFault {
        String version = attribute(assertion.getDOM(), "Version").orElse("");
        if (!"2.0".equals(version)) {
            throw invalid("SAML 2.0 assertion with Version=\"" + version + "\" (only 2.0 is supported)");
        }
        Instant issueInstant = Optional.ofNullable(assertion.getIssueInstant())
                .orElseThrow(() -> invalid("assertion without IssueInstant"));
        Conditions conditions = assertion.getConditions();
        checkConditionKinds(conditions);
        NameID nameId = subjectNameId(assertion);
        AuthnStatement authn = assertion.getAuthnStatements().isEmpty() ? null : assertion.getAuthnStatements().get(0);
        return new AssertionFacts(SAMLVersion.VERSION_20, assertion.getID(), issuer(assertion.getIssuer()), issueInstant,
                conditions == null ? Window.OPEN
                        : new Window(Optional.ofNullable(conditions.getNotBefore()),
                                Optional.ofNullable(conditions.getNotOnOrAfter())),
                audiences(conditions), conditions != null && conditions.getOneTimeUse() != null,
                proxyLimit(conditions), new Subject(text(nameId), nonBlank(nameId.getFormat())),
                confirmation(assertion, nameId), attributes(assertion),
                Optional.ofNullable(authn).map(Saml2Reader::authnClass),
                Optional.ofNullable(authn).map(AuthnStatement::getAuthnInstant));
    }

    private static String issuer(Issuer issuer) throws SecurityFault {
        if (issuer == null || nonBlank(issuer.getValue()).isEmpty()) {
            throw invalid("assertion without Issuer");
        }
        if (issuer.getFormat() != null && !ENTITY.equals(issuer.getFormat())) {
            throw invalid("Issuer Format " + issuer.getFormat() + " is not an entity identifier");
        }
        if (issuer.getNameQualifier() != null || issuer.getSPNameQualifier() != null
                || issuer.getSPProvidedID() != null) {
            throw invalid("an entity Issuer must not carry NameQualifier, SPNameQualifier or SPProvidedID");
        }
        return issuer.getValue();
    }

    private static void checkConditionKinds(Conditions conditions) throws SecurityFault {
        if (conditions == null) {
            return;
        }
        List<String> unknown = SamlText.unknownChildren(conditions.getDOM(), XmlNames.SAML2, KNOWN_CONDITIONS);
        if (!unknown.isEmpty()) {
            throw invalid("condition(s) not understood, the assertion is Indeterminate: " + unknown);
        }
        if (SamlText.count(conditions.getDOM(), XmlNames.SAML2, "OneTimeUse") > 1
                || SamlText.count(conditions.getDOM(), XmlNames.SAML2, "ProxyRestriction") > 1) {
            throw invalid("more than one OneTimeUse or ProxyRestriction condition");
        }
    }

    private static List<List<String>> audiences(Conditions conditions) {
        return conditions == null ? List.of() : conditions.getAudienceRestrictions().stream()
                .map(r -> r.getAudiences().stream().map(a -> text(a)).toList()).toList();
    }

    private static Optional<ProxyLimit> proxyLimit(Conditions conditions) {
        if (conditions == null || conditions.getProxyRestriction() == null) {
            return Optional.empty();
        }
        var restriction = conditions.getProxyRestriction();
        return Optional.of(new ProxyLimit(Optional.ofNullable(restriction.getProxyCount()),
                restriction.getAudiences().stream().map(a -> text(a)).toList()));
    }

    private static NameID subjectNameId(Assertion assertion) throws SecurityFault {
        var subject = assertion.getSubject();
        if (subject == null) {
            throw invalid("assertion without Subject");
        }
        if (subject.getNameID() == null) {
            throw invalid("the Subject is not identified by a NameID (BaseID and EncryptedID are not supported)");
        }
        if (text(subject.getNameID()).isEmpty()) {
            throw invalid("the Subject's NameID is empty");
        }
        return subject.getNameID();
    }

    private static Confirmation confirmation(Assertion assertion, NameID subject) throws SecurityFault {
        List<SubjectConfirmation> confirmations = assertion.getSubject().getSubjectConfirmations();
        if (confirmations.size() != 1) {
            throw invalid("the Subject must have exactly one SubjectConfirmation, has " + confirmations.size());
        }
        SubjectConfirmation confirmation = confirmations.get(0);
        ConfirmationMethod method = METHODS.get(confirmation.getMethod());
        if (method == null) {
            throw invalid("unknown subject confirmation method " + confirmation.getMethod());
        }
        if (confirmation.getBaseID() != null || confirmation.getEncryptedID() != null
                || (confirmation.getNameID() != null && !sameName(confirmation.getNameID(), subject))) {
            throw invalid("the SubjectConfirmation names another entity than the Subject");
        }
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        if (data == null) {
            return new Confirmation(method, confirmation.getMethod(), Window.OPEN, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        return new Confirmation(method, confirmation.getMethod(),
                new Window(Optional.ofNullable(data.getNotBefore()), Optional.ofNullable(data.getNotOnOrAfter())),
                Optional.ofNullable(data.getRecipient()), Optional.ofNullable(data.getInResponseTo()),
                Optional.ofNullable(data.getAddress()));
    }

    private static boolean sameName(NameID a, NameID b) {
        return text(a).equals(text(b)) && Objects.equals(a.getFormat(), b.getFormat())
                && Objects.equals(a.getNameQualifier(), b.getNameQualifier())
                && Objects.equals(a.getSPNameQualifier(), b.getSPNameQualifier())
                && Objects.equals(a.getSPProvidedID(), b.getSPProvidedID());
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        assertion.getAttributeStatements().forEach(s -> s.getAttributes().stream()
                .filter(attribute -> attribute.getName() != null)
                .forEach(attribute -> out.computeIfAbsent(attribute.getName(), k -> new ArrayList<>())
                        .addAll(attribute.getAttributeValues().stream().map(SamlText::text).toList())));
        return out;
    }

    private static String authnClass(AuthnStatement statement) {
        var context = statement.getAuthnContext();
        return context == null || context.getAuthnContextClassRef() == null ? null
                : context.getAuthnContextClassRef().getURI();
    }
}
