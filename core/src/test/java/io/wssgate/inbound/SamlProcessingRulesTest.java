package io.wssgate.inbound;

import io.wssgate.soap.Delivery;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.common.SAMLVersion;
import org.w3c.dom.Element;

/**
 * The SAML processing rules of the SAML 2.0 and 1.1 cores and profiles, one group each, with
 * assertions an issuer really signed: only the rule under test can refuse them, and the
 * accepted side of each bound proves the rule is not simply refusing everything.
 */
class SamlProcessingRulesTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String AUDIENCE = "urn:test";
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String ENDPOINT = "https://gate.example/services/orders";
    static final Delivery HERE = Delivery.http(ENDPOINT, "192.0.2.10");

    static Identity idp;
    static Identity subjectKey;
    static Identity client;
    /** Holder-of-key and bearer; Recipient compared with the request URL; Address not checked. */
    static InboundValidator validator;
    /** The same, with saml.recipients configured and saml.check-address on. */
    static InboundValidator pinned;
    static Path caPem;
    static SamlPolicy samlPolicy;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        idp = KEYS.issue("idp");
        subjectKey = KEYS.issue("alice-key");
        client = KEYS.issue("client");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path idpPem = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        SamlPolicy saml = new SamlPolicy(true, List.of(new TrustedIssuer(SamlSpec.DEFAULT_ISSUER, List.of(idpPem))),
                List.of(AUDIENCE), Duration.ofSeconds(60), Duration.ofMinutes(30),
                Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.BEARER), AssertionReplay.ONE_TIME_USE);
        caPem = ca;
        samlPolicy = saml;
        RoleMapping roles = new RoleMapping(List.of("role"), Map.of());
        validator = validator(policy(ca).roles(roles).saml(saml).build());
        pinned = validator(policy(ca).roles(roles).saml(saml
                .withRecipients(List.of("https://public.example/orders", "https://gate.example:8443/orders"))
                .withAddressCheck(true)).build());
    }

    static SamlSpec hok2() {
        return SamlSpec.saml2().signedBy(idp).holderOfKey(subjectKey).audienceRestriction(AUDIENCE)
                .attribute("role", "user");
    }

    static SamlSpec hok11() {
        return SamlSpec.saml11().signedBy(idp).holderOfKey(subjectKey).audienceRestriction(AUDIENCE)
                .attribute("role", "user");
    }

    static byte[] hok(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec).build();
    }

    static byte[] bearer(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(spec.signedBy(idp).audienceRestriction(AUDIENCE).bearer())
                .signWith(client, KeyIdType.BST).build();
    }

    static WssPrincipal accepted(InboundValidator v, byte[] message) throws SecurityFault {
        return v.validate(message, HERE).principal();
    }

    static SecurityFault refused(InboundValidator v, byte[] message, FaultCode code, String detail) {
        try {
            WssPrincipal p = v.validate(message, HERE).principal();
            throw new AssertionError("accepted, principal " + p);
        } catch (SecurityFault fault) {
            assertThat(fault.code()).as("fault detail: %s", fault.getMessage()).isEqualTo(code);
            assertThat(fault.getMessage()).contains(detail);
            return fault;
        }
    }

    static Element child(Element parent, String ns, String name) {
        return (Element) parent.getElementsByTagNameNS(ns, name).item(0);
    }

    static Element newElement(Element context, String ns, String qualifiedName) {
        return context.getOwnerDocument().createElementNS(ns, qualifiedName);
    }

    /** Statements about more than one subject (defect 1). */
    @Nested
    class OneSubject {
        @Test
        void saml11StatementsAboutTheSameSubjectAreAccepted() throws Exception {
            WssPrincipal p = accepted(validator, hok(hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11,
                    Instant.now())));
            assertThat(p.name()).isEqualTo("alice");
            assertThat(p.roles()).containsExactly("user");
        }

        @Test
        void saml11AttributeStatementAboutAnotherSubjectIsRefused() {
            SamlSpec spec = hok11().attribute("role", "admin").authentication(SamlSpec.AUTHN_PASSWORD_SAML11,
                    Instant.now()).beforeSigning(attributeSubject(s -> s.getNameIdentifier().setValue("mallory")));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "more than one subject");
        }

        @Test
        void saml11SubjectsDifferingOnlyInNameFormatAreTwoSubjects() {
            SamlSpec spec = hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, Instant.now()).beforeSigning(
                    attributeSubject(s -> s.getNameIdentifier().setFormat(
                            "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "more than one subject");
        }

        @Test
        void saml11StatementConfirmedByAnotherKeyIsAnotherSubject() {
            Identity other = KEYS.issue("mallory-key");
            SamlSpec spec = hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, Instant.now()).editSignedXml(a -> {
                // the last statement's subject holds another certificate (WSS4J takes the proof key
                // from the first, so the message signature still verifies)
                Element statement = null;
                for (org.w3c.dom.Node n = a.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getLocalName().endsWith("Statement")) {
                        statement = e;
                    }
                }
                Element certificate = child(statement, "http://www.w3.org/2000/09/xmldsig#", "X509Certificate");
                certificate.setTextContent(java.util.Base64.getEncoder().encodeToString(encoded(other)));
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "more than one subject");
        }

        @Test
        void saml11SubjectStatementWithoutASubjectIsRefused() {
            SamlSpec spec = hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, Instant.now()).editSignedXml(a -> {
                Element statement = child(a, SAML1, "AttributeStatement");
                statement.removeChild(child(statement, SAML1, "Subject"));
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "without a Subject");
        }

        @Test
        void saml2ConfirmationNamingAnotherEntityIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element confirmation = child(a, SAML2, "SubjectConfirmation");
                Element nameId = newElement(a, SAML2, "saml2:NameID");
                nameId.setTextContent("mallory");
                confirmation.insertBefore(nameId, confirmation.getFirstChild());
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "another entity");
        }

        @Test
        void saml2ConfirmationNamingTheSubjectItselfIsAccepted() throws Exception {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element confirmation = child(a, SAML2, "SubjectConfirmation");
                Element nameId = (Element) child(a, SAML2, "NameID").cloneNode(true);
                confirmation.insertBefore(nameId, confirmation.getFirstChild());
            });
            assertThat(accepted(validator, hok(spec)).name()).isEqualTo("alice");
        }

        @Test
        void saml2SubjectWithTwoConfirmationsIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element confirmation = child(a, SAML2, "SubjectConfirmation");
                Element bearer = newElement(a, SAML2, "saml2:SubjectConfirmation");
                bearer.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
                confirmation.getParentNode().appendChild(bearer);
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "exactly one SubjectConfirmation");
        }

        @Test
        void aConfirmationMethodThatOnlyEndsLikeAStandardOneIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> child(a, SAML2, "SubjectConfirmation")
                    .setAttributeNS(null, "Method", "urn:example:holder-of-key"));
            // WSS4J's validator already refuses a non-standard method; the rule stands behind it
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "");
        }

        @Test
        void aSaml11MethodUriInASaml2AssertionIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> child(a, SAML2, "SubjectConfirmation")
                    .setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:1.0:cm:holder-of-key"));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "unknown subject confirmation method");
        }

        private static Consumer<SamlAssertionWrapper> attributeSubject(
                Consumer<org.opensaml.saml.saml1.core.Subject> edit) {
            return a -> edit.accept(a.getSaml1().getAttributeStatements().get(0).getSubject());
        }

        private static byte[] encoded(Identity identity) {
            try {
                return identity.certificate().getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** SubjectConfirmationData: window, Recipient, InResponseTo, Address (defect 2). */
    @Nested
    class ConfirmationData {
        @Test
        void holderOfKeyConfirmationPastItsNotOnOrAfterIsRefused() {
            Instant now = Instant.now();
            refused(validator, hok(hok2().confirmationWindow(now.minusSeconds(600), now.minusSeconds(120))),
                    FaultCode.INVALID_SECURITY_TOKEN, "SubjectConfirmationData NotOnOrAfter");
        }

        @Test
        void confirmationExpiredWithinTheClockSkewIsAccepted() throws Exception {
            Instant now = Instant.now();
            accepted(validator, hok(hok2().confirmationWindow(now.minusSeconds(600), now.minusSeconds(20))));
        }

        @Test
        void confirmationNotYetValidIsRefusedAndWithinTheSkewAccepted() throws Exception {
            Instant now = Instant.now();
            refused(validator, hok(hok2().confirmationWindow(now.plusSeconds(180), now.plusSeconds(600))),
                    FaultCode.INVALID_SECURITY_TOKEN, "SubjectConfirmationData NotBefore");
            accepted(validator, hok(hok2().confirmationWindow(now.plusSeconds(20), now.plusSeconds(600))));
        }

        @Test
        void recipientNamingAnotherEndpointIsRefused() {
            refused(validator, hok(hok2().recipient("https://gate.example/services/payments")),
                    FaultCode.INVALID_SECURITY_TOKEN, "is not this endpoint");
        }

        @Test
        void recipientNamingThisEndpointIsAcceptedHoweverTheUrlIsWritten() throws Exception {
            accepted(validator, hok(hok2().recipient(ENDPOINT)));
            accepted(validator, hok(hok2().recipient("HTTPS://Gate.Example:443/services/orders")));
        }

        @Test
        void recipientIsRefusedWhereTheEndpointIsUnknownAndNoneIsConfigured() {
            byte[] message = hok(hok2().recipient(ENDPOINT));
            assertThatThrownBy(() -> validator.validate(message, Delivery.unknown()))
                    .isInstanceOfSatisfying(SecurityFault.class, f -> {
                        assertThat(f.code()).isEqualTo(FaultCode.INVALID_SECURITY_TOKEN);
                        assertThat(f.getMessage()).contains("configure saml.recipients");
                    });
        }

        @Test
        void configuredRecipientsReplaceTheRequestUrl() throws Exception {
            accepted(pinned, hok(hok2().recipient("https://public.example/orders")));
            accepted(pinned, hok(hok2().recipient("https://gate.example:8443/orders")));
            refused(pinned, hok(hok2().recipient(ENDPOINT)), FaultCode.INVALID_SECURITY_TOKEN,
                    "none of saml.recipients");
        }

        @Test
        void inResponseToIsRefused() {
            refused(validator, hok(hok2().inResponseTo("_request-1")), FaultCode.INVALID_SECURITY_TOKEN,
                    "InResponseTo");
        }

        @Test
        void addressIsComparedWithTheSenderOnlyWhenThePolicySaysSo() throws Exception {
            byte[] elsewhere = hok(hok2().address("198.51.100.7"));
            accepted(validator, elsewhere);
            refused(pinned, hok(hok2().address("198.51.100.7")), FaultCode.INVALID_SECURITY_TOKEN,
                    "not the sender's address");
            accepted(pinned, hok(hok2().address("192.0.2.10")));
        }

        @Test
        void addressIsRefusedWhenTheSenderIsUnknown() {
            byte[] message = hok(hok2().address("192.0.2.10"));
            assertThatThrownBy(() -> pinned.validate(message, Delivery.unknown()))
                    .isInstanceOfSatisfying(SecurityFault.class,
                            f -> assertThat(f.code()).isEqualTo(FaultCode.INVALID_SECURITY_TOKEN));
        }

        @Test
        void saml2BearerWithoutAConfirmationWindowIsRefused() throws Exception {
            refused(validator, bearer(SamlSpec.saml2().withoutConfirmationData()), FaultCode.INVALID_SECURITY_TOKEN,
                    "bearer assertion without a NotOnOrAfter on its SubjectConfirmationData");
            accepted(validator, bearer(SamlSpec.saml2()));
        }

        @Test
        void aPolicyMayLetTheConditionsBoundASaml2BearerConfirmation() throws Exception {
            InboundValidator relaxed = validator(policy(caPem).saml(samlPolicy
                    .withBearerConfirmationWindowRequired(false)).build());
            accepted(relaxed, bearer(SamlSpec.saml2().withoutConfirmationData()));
            refused(relaxed, bearer(SamlSpec.saml2().withoutConfirmationData().beforeSigning(a -> a.getSaml2()
                    .getConditions().setNotOnOrAfter(null))), FaultCode.INVALID_SECURITY_TOKEN,
                    "bearer assertion without a NotOnOrAfter on its Conditions");
        }

        @Test
        void saml11BearerWithoutAnEndToItsConditionsIsRefused() throws Exception {
            refused(validator, bearer(SamlSpec.saml11().beforeSigning(a -> a.getSaml1().getConditions()
                    .setNotOnOrAfter(null))), FaultCode.INVALID_SECURITY_TOKEN,
                    "bearer assertion without a NotOnOrAfter on its Conditions");
            accepted(validator, bearer(SamlSpec.saml11()));
        }
    }

    /** saml.max-age bounds IssueInstant whatever the Conditions say (defect 3). */
    @Nested
    class IssueInstant {
        @Test
        void issuedTwoHoursAgoIsRefusedAlthoughTheConditionsAreStillValid() {
            Instant now = Instant.now();
            refused(validator, hok(hok2().validity(now.minusSeconds(60), now.plusSeconds(3600))
                    .beforeSigning(issuedAt(now.minus(Duration.ofHours(2))))), FaultCode.INVALID_SECURITY_TOKEN,
                    "older than saml.max-age");
        }

        @Test
        void theBoundIsMaxAgePlusTheClockSkew() throws Exception {
            Instant now = Instant.now();
            accepted(validator, hok(hok2().beforeSigning(issuedAt(now.minus(Duration.ofMinutes(30)).plusSeconds(30)))));
            refused(validator, hok(hok2().beforeSigning(issuedAt(now.minus(Duration.ofMinutes(31)).minusSeconds(30)))),
                    FaultCode.INVALID_SECURITY_TOKEN, "older than saml.max-age");
        }

        @Test
        void saml11IsBoundedToo() {
            Instant now = Instant.now();
            refused(validator, hok(hok11().beforeSigning(a -> a.getSaml1()
                    .setIssueInstant(now.minus(Duration.ofHours(2))))), FaultCode.INVALID_SECURITY_TOKEN,
                    "older than saml.max-age");
        }

        @Test
        void issuedInTheFutureBeyondTheSkewIsRefused() throws Exception {
            Instant now = Instant.now();
            refused(validator, hok(hok2().beforeSigning(issuedAt(now.plusSeconds(300)))),
                    FaultCode.INVALID_SECURITY_TOKEN, "in the future");
            accepted(validator, hok(hok2().beforeSigning(issuedAt(now.plusSeconds(20)))));
        }

        @Test
        void conditionsExpiredBeyondTheSkewAreRefusedAndWithinItAccepted() throws Exception {
            Instant now = Instant.now();
            refused(validator, hok(hok2().validity(now.minusSeconds(600), now.minusSeconds(90))),
                    FaultCode.INVALID_SECURITY_TOKEN, "Conditions NotOnOrAfter");
            accepted(validator, hok(hok2().validity(now.minusSeconds(600), now.minusSeconds(20))));
        }

        private static Consumer<SamlAssertionWrapper> issuedAt(Instant instant) {
            return a -> a.getSaml2().setIssueInstant(instant);
        }
    }

    /**
     * AuthnStatement (SAML 2.0 core 2.7.2, SAML 1.1 AuthenticationStatement), WSS4J's rules with
     * the policy's skew; each refusal names the rule it broke (the rejection line's reason).
     */
    @Nested
    class AuthnStatement {
        @Test
        void authenticationInTheFutureBeyondTheSkewIsRefused() throws Exception {
            Instant now = Instant.now();
            SecurityFault fault = refused(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2,
                    now.plusSeconds(300))), FaultCode.INVALID_SECURITY_TOKEN, "AuthnStatement AuthnInstant");
            assertThat(fault.getMessage()).contains("is in the future (clock skew");
            accepted(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, now.plusSeconds(20))));
        }

        @Test
        void saml11AuthenticationInTheFutureIsRefusedToo() throws Exception {
            Instant now = Instant.now();
            refused(validator, hok(hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, now.plusSeconds(300))),
                    FaultCode.INVALID_SECURITY_TOKEN, "is in the future");
            accepted(validator, hok(hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, now.minusSeconds(20))));
        }

        /** AuthnInstant is required (SAML 2.0 core 2.7.2); WSS4J's own check broke on its absence. */
        @Test
        void anAuthnStatementWithoutAnAuthnInstantIsRefused() throws Exception {
            refused(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, Instant.now())
                    .beforeSigning(a -> a.getSaml2().getAuthnStatements().get(0).setAuthnInstant(null))),
                    FaultCode.INVALID_SECURITY_TOKEN, "AuthnStatement without AuthnInstant");
            refused(validator, hok(hok11().authentication(SamlSpec.AUTHN_PASSWORD_SAML11, Instant.now())
                    .beforeSigning(a -> a.getSaml1().getAuthenticationStatements().get(0)
                            .setAuthenticationInstant(null))),
                    FaultCode.INVALID_SECURITY_TOKEN, "AuthnStatement without AuthnInstant");
            accepted(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, Instant.now())));
        }

        @Test
        void aSessionThatHasEndedIsRefused() throws Exception {
            Instant now = Instant.now();
            refused(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, now.minusSeconds(600))
                    .beforeSigning(a -> a.getSaml2().getAuthnStatements().get(0)
                            .setSessionNotOnOrAfter(now.minusSeconds(60)))), FaultCode.INVALID_SECURITY_TOKEN,
                    "SessionNotOnOrAfter");
            accepted(validator, hok(hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, now.minusSeconds(600))
                    .beforeSigning(a -> a.getSaml2().getAuthnStatements().get(0)
                            .setSessionNotOnOrAfter(now.plusSeconds(600)))));
        }

        @Test
        void aSubjectLocalityThatIsNoIpAddressIsRefused() throws Exception {
            SamlSpec spec = hok2().authentication(SamlSpec.AUTHN_PASSWORD_SAML2, Instant.now()).editSignedXml(a -> {
                Element locality = newElement(a, SAML2, "saml2:SubjectLocality");
                locality.setAttributeNS(null, "Address", "attacker.example");
                Element statement = child(a, SAML2, "AuthnStatement");
                statement.insertBefore(locality, statement.getFirstChild());
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN,
                    "SubjectLocality address 'attacker.example' is not an IP address");
        }
    }

    /** What the issuer signed that WSS Gate does not understand or cannot use (defect 4). */
    @Nested
    class NotUnderstood {
        @Test
        void saml2ConditionOfAnUnknownTypeMakesTheAssertionIndeterminate() {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element condition = newElement(a, SAML2, "saml2:Condition");
                condition.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", "urn:example:conditions");
                condition.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "x:OnlyOnTuesdays");
                child(a, SAML2, "Conditions").appendChild(condition);
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "not understood");
        }

        @Test
        void saml2ConditionsChildOfAForeignNamespaceIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element foreign = newElement(a, "urn:example", "x:Delegation");
                foreign.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", "urn:example");
                child(a, SAML2, "Conditions").appendChild(foreign);
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "not understood");
        }

        @Test
        void saml11UnknownConditionIsRefused() {
            SamlSpec spec = hok11().editSignedXml(a -> child(a, SAML1, "Conditions")
                    .appendChild(newElement(a, SAML1, "saml1:Condition")));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "not understood");
        }

        @Test
        void twoOneTimeUseConditionsAreRefused() {
            SamlSpec spec = hok2().oneTimeUse().editSignedXml(a -> child(a, SAML2, "Conditions")
                    .appendChild(newElement(a, SAML2, "saml2:OneTimeUse")));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "more than one OneTimeUse");
        }

        @Test
        void proxyRestrictionIsUnderstood() throws Exception {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element proxy = newElement(a, SAML2, "saml2:ProxyRestriction");
                proxy.setAttributeNS(null, "Count", "0");
                child(a, SAML2, "Conditions").appendChild(proxy);
            });
            accepted(validator, hok(spec));
        }

        @Test
        void saml2VersionOtherThan20IsRefused() {
            refused(validator, hok(hok2().beforeSigning(a -> a.getSaml2().setVersion(SAMLVersion.valueOf("3.0")))),
                    FaultCode.INVALID_SECURITY_TOKEN, "Version=\"3.0\"");
        }

        @Test
        void saml1VersionsOtherThan11AreRefused() {
            // OpenSAML does not treat a SAML 1.0 AssertionID as an XML ID, so the issuer signature
            // cannot even be resolved: refused before the version rule is reached
            assertThatThrownBy(() -> validator.validate(hok(hok11().editSignedXml(
                    a -> a.setAttributeNS(null, "MinorVersion", "0"))), HERE)).isInstanceOf(SecurityFault.class);
            // and OpenSAML cannot read a SAML 1 assertion with another MajorVersion at all
            byte[] major2 = io.wssgate.testing.attacks.MessageDom.edit(hok(hok11()), doc -> ((Element) doc
                    .getElementsByTagNameNS(SAML1, "Assertion").item(0)).setAttributeNS(null, "MajorVersion", "2"));
            assertThatThrownBy(() -> validator.validate(major2, HERE)).isInstanceOf(SecurityFault.class);
        }

        @Test
        void emptyOrBlankNameIsNeverAPrincipal() {
            refused(validator, hok(hok2().beforeSigning(a -> a.getSaml2().getSubject().getNameID().setValue(""))),
                    FaultCode.INVALID_SECURITY_TOKEN, "NameID is empty");
            refused(validator, hok(hok2().beforeSigning(a -> a.getSaml2().getSubject().getNameID().setValue("  \n "))),
                    FaultCode.INVALID_SECURITY_TOKEN, "NameID is empty");
            refused(validator, hok(hok11().beforeSigning(a -> a.getSaml1().getAttributeStatements().get(0).getSubject()
                    .getNameIdentifier().setValue(" "))), FaultCode.INVALID_SECURITY_TOKEN, "");
        }

        @Test
        void subjectWithoutANameIdIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> {
                Element nameId = child(a, SAML2, "NameID");
                nameId.getParentNode().removeChild(nameId);
            });
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "not identified by a NameID");
        }

        @Test
        void issuerInAnotherFormatThanEntityIsRefused() {
            SamlSpec spec = hok2().editSignedXml(a -> child(a, SAML2, "Issuer").setAttributeNS(null, "Format",
                    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"));
            refused(validator, hok(spec), FaultCode.INVALID_SECURITY_TOKEN, "not an entity identifier");
        }

        @Test
        void issuerInTheEntityFormatIsAccepted() throws Exception {
            SamlSpec spec = hok2().editSignedXml(a -> child(a, SAML2, "Issuer").setAttributeNS(null, "Format",
                    "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"));
            accepted(validator, hok(spec));
        }
    }

    @Test
    void anEditedAndResignedAssertionIsStillAcceptedWhenTheEditIsHarmless() throws Exception {
        // guards the fixture itself: re-signing after an edit yields a valid issuer signature
        SamlSpec spec = hok2().editSignedXml(a -> child(a, SAML2, "AttributeValue").setTextContent("user"));
        assertThat(accepted(validator, hok(spec)).roles()).containsExactly("user");
    }

    @Test
    void unsignedAfterAnEditWouldBeAFailedCheck() {
        // and an edit without the issuer signing again is caught by the issuer signature
        byte[] message = hok(hok2());
        byte[] edited = io.wssgate.testing.attacks.MessageDom.edit(message, doc -> ((Element) doc
                .getElementsByTagNameNS(SAML2, "AttributeValue").item(0)).setTextContent("admin"));
        refused(validator, edited, FaultCode.FAILED_CHECK, "");
    }
}
