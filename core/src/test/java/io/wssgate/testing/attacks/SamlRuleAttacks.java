package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.AUDIENCE;
import static io.wssgate.testing.attacks.AttackFixture.BEARER;
import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.SAML_12;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Assertions their issuer really signed that the SAML profiles' processing rules refuse: about
 * more than one subject, a subject confirmation of another entity or outside its window, bound
 * to another endpoint or to a SAML request never sent, too old by IssueInstant, carrying what
 * WSS Gate does not understand (a condition, a version), or naming nobody. Each is refused with
 * InvalidSecurityToken and no principal; {@link #valid(AttackFixture)} holds the accepted side of
 * the bounds (a Recipient naming the very endpoint, a confirmation window within the skew).
 */
public final class SamlRuleAttacks {
    static final String CATEGORY = "SAML subject and confirmation";
    static final String SAML1_NS = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String SAML2_NS = SamlAttacks.SAML2_NS;
    private static final FaultCode INVALID_TOKEN = FaultCode.INVALID_SECURITY_TOKEN;

    private SamlRuleAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        // one subject
        a.add(post("SAML 1.1: AttributeStatement (role admin) about another subject than the AuthenticationStatement",
                () -> hok(f, twoSubjects(f))));
        a.add(post("SAML 1.1: statements confirmed by two different keys",
                () -> hok(f, saml11(f).editSignedXml(x -> lastStatementKey(x, f.sender)))));
        a.add(post("SAML 2.0: SubjectConfirmation names another entity (NameID mallory)",
                () -> hok(f, f.assertion().editSignedXml(x -> confirmationNameId(x, "mallory")))));
        a.add(post("SAML 2.0: two SubjectConfirmations (holder-of-key and bearer)",
                () -> hok(f, f.assertion().editSignedXml(SamlRuleAttacks::secondBearerConfirmation))));
        // SubjectConfirmationData
        a.add(post("holder-of-key confirmation past its NotOnOrAfter",
                () -> hok(f, f.assertion().confirmationWindow(ago(600), ago(120)))));
        a.add(post("confirmation not valid before ten minutes from now",
                () -> hok(f, f.assertion().confirmationWindow(ahead(600), ahead(1200)))));
        a.add(post("Recipient names another endpoint",
                () -> hok(f, f.assertion().recipient("https://elsewhere.example/saml/service"))));
        a.add(post("InResponseTo names a SAML request this service never sent",
                () -> hok(f, f.assertion().inResponseTo("_authn-request-42"))));
        a.add(new Attack(CATEGORY, "SAML 2.0 bearer without a confirmation window", BEARER,
                () -> bearer(f, f.assertion().withoutConfirmationData()), AttackFixture.contentTypeFor(BEARER),
                "POST", Attack.Outcome.fault(INVALID_TOKEN), java.util.Optional.empty()));
        // IssueInstant
        a.add(post("issued two hours ago, Conditions valid for another hour (max-age 30 min)",
                () -> hok(f, f.assertion().validity(ago(7200), ahead(3600))
                        .beforeSigning(w -> w.getSaml2().setIssueInstant(ago(7200))))));
        // not understood
        a.add(post("Condition of an unknown xsi:type",
                () -> hok(f, f.assertion().editSignedXml(SamlRuleAttacks::unknownCondition))));
        a.add(post("Version=\"3.0\"",
                () -> hok(f, f.assertion().beforeSigning(w -> w.getSaml2()
                        .setVersion(org.opensaml.saml.common.SAMLVersion.valueOf("3.0"))))));
        a.add(post("empty NameID with role attributes",
                () -> hok(f, f.assertion().beforeSigning(w -> w.getSaml2().getSubject().getNameID().setValue("")))));
        a.add(post("blank NameID",
                () -> hok(f, f.assertion().beforeSigning(w -> w.getSaml2().getSubject().getNameID().setValue(" \t ")))));
        a.add(post("confirmation method urn:example:holder-of-key",
                () -> hok(f, f.assertion().editSignedXml(x -> first(x, SAML2_NS, "SubjectConfirmation")
                        .setAttributeNS(null, "Method", "urn:example:holder-of-key")))));
        a.add(post("Issuer in the emailAddress format, not an entity",
                () -> hok(f, f.assertion().editSignedXml(x -> first(x, SAML2_NS, "Issuer").setAttributeNS(null,
                        "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")))));
        a.add(new Attack(CATEGORY, "SOAP 1.2: SAML 1.1 statements about two subjects", SAML_12,
                () -> AttackFixture.envelope(SAML_12).timestamp(Duration.ofMinutes(5))
                        .saml(twoSubjects(f).holderOfKey(f.aliceKey)).build(),
                AttackFixture.contentTypeFor(SAML_12), "POST", Attack.Outcome.fault(INVALID_TOKEN),
                java.util.Optional.empty()));
        return a;
    }

    /** The accepted side of the bounds above. */
    public static List<ValidVariant> valid(AttackFixture f) {
        return List.of(
                new ValidVariant(CATEGORY, "Recipient names this very endpoint", SAML,
                        url -> hok(f, f.assertion().recipient(url.toString())), "alice"),
                new ValidVariant(CATEGORY, "confirmation window ended 20 s ago (clock skew 60 s)", SAML,
                        url -> hok(f, f.assertion().confirmationWindow(ago(600), ago(20))), "alice"),
                new ValidVariant(CATEGORY, "SAML 1.1 statements about the same subject", SAML,
                        url -> hok(f, saml11(f)), "alice"),
                new ValidVariant(CATEGORY, "issued 29 minutes ago (max-age 30 min)", SAML,
                        url -> hok(f, f.assertion().beforeSigning(w -> w.getSaml2().setIssueInstant(ago(29 * 60)))),
                        "alice"),
                new ValidVariant(CATEGORY, "SAML 2.0 bearer with its confirmation window", BEARER,
                        url -> bearer(f, f.assertion()), "alice"));
    }

    private static Attack post(String name, java.util.function.Supplier<byte[]> body) {
        return Attack.post(CATEGORY, name, SAML, body, INVALID_TOKEN);
    }

    /** Authentication and attributes, as SAML 1.1 issuers write them: a subject in each statement. */
    private static SamlSpec saml11(AttackFixture f) {
        return SamlSpec.saml11().signedBy(f.idp).audienceRestriction(AUDIENCE).attribute("role", "user")
                .authentication(SamlSpec.AUTHN_PASSWORD_SAML11, Instant.now());
    }

    /** Alice authenticated; the attribute statement, with role admin, is about mallory. */
    private static SamlSpec twoSubjects(AttackFixture f) {
        return saml11(f).attribute("role", "admin").beforeSigning(w -> w.getSaml1().getAttributeStatements().get(0)
                .getSubject().getNameIdentifier().setValue("mallory"));
    }

    private static byte[] hok(AttackFixture f, SamlSpec spec) {
        return AttackFixture.envelope(SAML).timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(f.aliceKey)).build();
    }

    private static byte[] bearer(AttackFixture f, SamlSpec spec) {
        MessageBuilder builder = AttackFixture.envelope(BEARER).timestamp(Duration.ofMinutes(5)).saml(spec.bearer())
                .signWith(f.client, KeyIdType.BST);
        return builder.build();
    }

    private static Instant ago(long seconds) {
        return Instant.now().minusSeconds(seconds);
    }

    private static Instant ahead(long seconds) {
        return Instant.now().plusSeconds(seconds);
    }

    private static Element first(Element within, String ns, String localName) {
        return (Element) within.getElementsByTagNameNS(ns, localName).item(0);
    }

    /** The last subject statement (WSS4J takes the proof key from the first) confirmed by {@code key}. */
    private static void lastStatementKey(Element assertion, Identity key) {
        Element last = null;
        for (org.w3c.dom.Node n = assertion.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SAML1_NS.equals(e.getNamespaceURI()) && e.getLocalName().endsWith("Statement")) {
                last = e;
            }
        }
        Element certificate = first(last, "http://www.w3.org/2000/09/xmldsig#", "X509Certificate");
        try {
            certificate.setTextContent(Base64.getEncoder().encodeToString(key.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void confirmationNameId(Element assertion, String name) {
        Element confirmation = first(assertion, SAML2_NS, "SubjectConfirmation");
        Element nameId = assertion.getOwnerDocument().createElementNS(SAML2_NS, "saml2:NameID");
        nameId.setTextContent(name);
        confirmation.insertBefore(nameId, confirmation.getFirstChild());
    }

    private static void secondBearerConfirmation(Element assertion) {
        Element bearer = assertion.getOwnerDocument().createElementNS(SAML2_NS, "saml2:SubjectConfirmation");
        bearer.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        first(assertion, SAML2_NS, "Subject").appendChild(bearer);
    }

    private static void unknownCondition(Element assertion) {
        Element condition = assertion.getOwnerDocument().createElementNS(SAML2_NS, "saml2:Condition");
        condition.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", "urn:example:conditions");
        condition.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "x:OnlyOnTuesdays");
        first(assertion, SAML2_NS, "Conditions").appendChild(condition);
    }
}
