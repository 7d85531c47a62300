package io.wssgate.filter.sts;

import static io.wssgate.filter.sts.RstMessages.BEARER;
import static io.wssgate.filter.sts.RstMessages.ISSUE_ACTION;
import static io.wssgate.filter.sts.RstMessages.PUBLIC_KEY;
import static io.wssgate.filter.sts.RstMessages.SAML11_TOKEN;
import static io.wssgate.filter.sts.RstMessages.SAML2_TOKEN;
import static io.wssgate.filter.sts.RstMessages.VALIDATE_ACTION;
import static io.wssgate.filter.sts.Rstr.SAML1;
import static io.wssgate.filter.sts.Rstr.SAML2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;

/** Proves the {@link CxfSts} fixture with hand-made RSTs (see {@link RstMessages}); no WS-Trust client involved. */
class CxfStsTest {

    static final TestKeys KEYS = TestKeys.create();
    static final String SERVICE = "https://service.wssgate.test/orders";
    static final Identity IDP = KEYS.issue("idp");
    static final Identity BOB = KEYS.issue("bob");
    static CxfSts sts;

    @BeforeAll
    static void start() throws Exception {
        sts = CxfSts.builder(KEYS.issue("sts"))
                .user("alice", "secret")
                .trustRequestersIssuedBy(KEYS.ca().certificate())
                .trustDelegationIssuer(IDP.certificate())
                .appliesTo("https://service\\.wssgate\\.test/.*")
                .maxTokenLifetime(Duration.ofHours(1))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        sts.close();
    }

    @Test
    void issuesSignedSaml2BearerTokenForUsernameTokenUser() throws Exception {
        int issued = sts.issueCount();
        Rstr rstr = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).toXml(), PasswordType.TEXT);

        assertThat(rstr.httpStatus()).isEqualTo(200);
        assertThat(rstr.find(RstMessages.WST, "RequestSecurityTokenResponseCollection")).isNotNull();
        assertThat(rstr.text(RstMessages.WST, "TokenType")).isEqualTo(SAML2_TOKEN);
        Element assertion = rstr.assertion();
        assertThat(assertion.getNamespaceURI()).isEqualTo(SAML2);
        assertThat(rstr.text(SAML2, "Issuer")).isEqualTo(CxfSts.DEFAULT_ISSUER);
        assertThat(rstr.text(SAML2, "NameID")).isEqualTo("alice");
        assertThat(rstr.find(SAML2, "SubjectConfirmation").getAttribute("Method"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:bearer");
        assertThat(rstr.text(SAML2, "Audience")).isEqualTo(SERVICE);
        assertSignedBySts(assertion);
        // wst:Lifetime mirrors the Conditions; without a requested Lifetime the default is 30 minutes
        Element conditions = rstr.find(SAML2, "Conditions");
        assertThat(rstr.lifetimeCreated()).isEqualTo(Instant.parse(conditions.getAttribute("NotBefore")));
        assertThat(rstr.lifetimeExpires()).isEqualTo(Instant.parse(conditions.getAttribute("NotOnOrAfter")));
        assertThat(Duration.between(rstr.lifetimeCreated(), rstr.lifetimeExpires())).isEqualTo(Duration.ofMinutes(30));
        assertThat(sts.issueCount()).isEqualTo(issued + 1);
    }

    @Test
    void issuesSaml11TokenForPasswordDigestWithoutSoapAction() throws Exception {
        String rst = RstMessages.issue(SAML11_TOKEN, BEARER).appliesTo(SERVICE, RstMessages.WSP_2004).toXml();
        Rstr rstr = Rstr.of(RstMessages.post(sts.endpoint(),
                RstMessages.withUsernameToken(rst, "alice", "secret", PasswordType.DIGEST), null));

        assertThat(rstr.httpStatus()).isEqualTo(200);
        assertThat(rstr.assertion().getNamespaceURI()).isEqualTo(SAML1);
        assertThat(rstr.assertion().getAttribute("Issuer")).isEqualTo(CxfSts.DEFAULT_ISSUER);
        assertThat(rstr.text(SAML1, "NameIdentifier")).isEqualTo("alice");
        assertThat(rstr.text(SAML1, "ConfirmationMethod")).isEqualTo("urn:oasis:names:tc:SAML:1.0:cm:bearer");
        assertThat(rstr.text(SAML1, "Audience")).isEqualTo(SERVICE);
        assertSignedBySts(rstr.assertion());
    }

    @Test
    void issuesHolderOfKeyTokenForX509RequesterWithTheUseKeyCertificate() throws Exception {
        String rst = RstMessages.issue(SAML2_TOKEN, PUBLIC_KEY).appliesTo(SERVICE).useKey(BOB.certificate()).toXml();
        Rstr rstr = send(RstMessages.signedBy(rst, BOB), ISSUE_ACTION);

        assertThat(rstr.httpStatus()).isEqualTo(200);
        Element nameId = rstr.find(SAML2, "NameID");
        assertThat(nameId.getTextContent()).isEqualTo(BOB.certificate().getSubjectX500Principal().getName());
        assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        assertThat(rstr.find(SAML2, "SubjectConfirmation").getAttribute("Method"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
        Element confirmationData = rstr.find(SAML2, "SubjectConfirmationData");
        Element certificate = (Element) confirmationData.getElementsByTagNameNS(RstMessages.DS, "X509Certificate").item(0);
        assertThat(decode(certificate)).isEqualTo(BOB.certificate());
        assertSignedBySts(rstr.assertion());
    }

    @Test
    void onBehalfOfAssertionFromTrustedIssuerBecomesTheSubject() throws Exception {
        String carol = SamlSpec.saml2().issuer("https://idp.wssgate.test").signedBy(IDP).subject("carol").toXml();
        Rstr rstr = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).onBehalfOf(carol).toXml(),
                PasswordType.TEXT);

        assertThat(rstr.httpStatus()).isEqualTo(200);
        assertThat(rstr.text(SAML2, "NameID")).isEqualTo("carol");
        assertSignedBySts(rstr.assertion());
    }

    @Test
    void actAsTheStsOwnTokenBecomesTheSubject() throws Exception {
        String aliceToken = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).toXml(),
                PasswordType.TEXT).assertionXml();
        String rst = RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).actAs(aliceToken).toXml();
        Rstr rstr = send(RstMessages.signedBy(rst, BOB), ISSUE_ACTION);

        assertThat(rstr.httpStatus()).isEqualTo(200);
        assertThat(rstr.text(SAML2, "NameID")).isEqualTo("alice");
    }

    @Test
    void onBehalfOfAssertionFromUntrustedIssuerIsRefused() throws Exception {
        String forged = SamlSpec.saml2().signedBy(KEYS.issue("rogue")).subject("carol").toXml();
        Rstr rstr = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).onBehalfOf(forged).toXml(),
                PasswordType.TEXT);

        assertThat(rstr.httpStatus()).isEqualTo(500);
        assertThat(rstr.faultCode()).isEqualTo(Rstr.REQUEST_FAILED);
    }

    @Test
    void validateSaysValidForStsTokenAndInvalidForTamperedOne() throws Exception {
        String token = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).toXml(),
                PasswordType.TEXT).assertionXml();
        int validated = sts.validateCount();

        Rstr valid = send(RstMessages.withUsernameToken(RstMessages.validate(token), "alice", "secret",
                PasswordType.TEXT), VALIDATE_ACTION);
        Rstr tampered = send(RstMessages.signedBy(RstMessages.validate(token.replace(">alice<", ">mallory<")), BOB),
                VALIDATE_ACTION);
        Rstr foreign = send(RstMessages.signedBy(RstMessages.validate(
                SamlSpec.saml2().signedBy(IDP).toXml()), BOB), VALIDATE_ACTION);

        assertThat(valid.find(RstMessages.WST, "RequestSecurityTokenResponse").getParentNode().getLocalName())
                .isEqualTo("Body");
        assertThat(valid.text(RstMessages.WST, "TokenType")).isEqualTo(RstMessages.STATUS_TOKEN);
        assertThat(valid.statusCode()).isEqualTo(Rstr.VALID);
        assertThat(tampered.statusCode()).isEqualTo(Rstr.INVALID);
        assertThat(foreign.statusCode()).isEqualTo(Rstr.INVALID);
        assertThat(sts.validateCount()).isEqualTo(validated + 3);
    }

    @Test
    void unauthenticatedRequestersGetSoapFaults() throws Exception {
        String rst = RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).toXml();
        int requests = sts.requestCount();
        int issued = sts.issueCount();

        Rstr wrongPassword = send(RstMessages.withUsernameToken(rst, "alice", "wrong", PasswordType.TEXT), ISSUE_ACTION);
        Rstr unknownUser = send(RstMessages.withUsernameToken(rst, "eve", "secret", PasswordType.DIGEST), ISSUE_ACTION);
        Rstr otherCa = send(RstMessages.signedBy(rst, KEYS.issueByOtherCa("mallory")), ISSUE_ACTION);
        Rstr noSecurity = send(TestMessages.soap11(rst).build(), ISSUE_ACTION);

        for (Rstr rstr : new Rstr[] {wrongPassword, unknownUser, otherCa, noSecurity}) {
            assertThat(rstr.httpStatus()).isEqualTo(500);
            assertThat(rstr.faultCode()).isNotNull();
        }
        assertThat(wrongPassword.faultCode()).isEqualTo(Rstr.FAILED_AUTHENTICATION);
        assertThat(unknownUser.faultCode()).isEqualTo(Rstr.FAILED_AUTHENTICATION);
        assertThat(noSecurity.faultCode()).isEqualTo(Rstr.INVALID_SECURITY);
        assertThat(sts.requestCount()).isEqualTo(requests + 4);
        assertThat(sts.issueCount()).isEqualTo(issued);
    }

    @Test
    void requestedLifetimeIsHonouredUpToTheMaximum() throws Exception {
        Rstr tenMinutes = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE)
                .lifetime(Duration.ofMinutes(10)).toXml(), PasswordType.TEXT);
        Rstr twoDays = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE)
                .lifetime(Duration.ofDays(2)).toXml(), PasswordType.TEXT);

        assertThat(Duration.between(tenMinutes.lifetimeCreated(), tenMinutes.lifetimeExpires()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(Duration.between(twoDays.lifetimeCreated(), twoDays.lifetimeExpires())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void dispatchesOnRequestTypeWhateverTheSoapAction() throws Exception {
        String rst = RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE).toXml();
        Rstr rstr = send(RstMessages.withUsernameToken(rst, "alice", "secret", PasswordType.TEXT), "urn:anything");

        assertThat(rstr.httpStatus()).isEqualTo(200);
        assertThat(rstr.assertion()).isNotNull();
    }

    @Test
    void appliesToOutsideTheConfiguredPatternsIsRefused() throws Exception {
        Rstr rstr = asAlice(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo("https://elsewhere.test/x").toXml(),
                PasswordType.TEXT);

        assertThat(rstr.httpStatus()).isEqualTo(500);
        assertThat(rstr.faultCode()).isEqualTo(Rstr.REQUEST_FAILED);
    }

    @Test
    void shortLifetimesFaultSwitchesAndStop() throws Exception {
        CxfSts shortLived = CxfSts.builder(KEYS.issue("sts")).issuer("urn:sts:short").user("alice", "secret")
                .tokenLifetime(Duration.ofSeconds(5)).start();
        URI endpoint = shortLived.endpoint();
        byte[] request = RstMessages.withUsernameToken(RstMessages.issue(SAML2_TOKEN, BEARER).appliesTo(SERVICE)
                .toXml(), "alice", "secret", PasswordType.TEXT);
        try (shortLived) {
            Rstr rstr = Rstr.of(RstMessages.post(endpoint, request, ISSUE_ACTION));
            assertThat(rstr.text(SAML2, "Issuer")).isEqualTo("urn:sts:short");
            assertThat(Duration.between(rstr.lifetimeCreated(), rstr.lifetimeExpires())).isEqualTo(Duration.ofSeconds(5));

            shortLived.failNextRequests(1);
            assertThat(Rstr.of(RstMessages.post(endpoint, fresh(), ISSUE_ACTION)).faultCode())
                    .isEqualTo(Rstr.REQUEST_FAILED);
            assertThat(Rstr.of(RstMessages.post(endpoint, fresh(), ISSUE_ACTION)).httpStatus()).isEqualTo(200);
            shortLived.setFaulting(true);
            assertThat(Rstr.of(RstMessages.post(endpoint, fresh(), ISSUE_ACTION)).httpStatus()).isEqualTo(500);
            assertThat(Rstr.of(RstMessages.post(endpoint, fresh(), ISSUE_ACTION)).httpStatus()).isEqualTo(500);
            shortLived.setFaulting(false);
            assertThat(Rstr.of(RstMessages.post(endpoint, fresh(), ISSUE_ACTION)).httpStatus()).isEqualTo(200);
            assertThat(shortLived.requestCount()).isEqualTo(6);
            assertThat(shortLived.issueCount()).isEqualTo(3);
        }
        assertThatThrownBy(() -> RstMessages.post(endpoint, request, ISSUE_ACTION)).isInstanceOf(ConnectException.class);
    }

    private static byte[] fresh() {
        return RstMessages.withUsernameToken(RstMessages.issue(SAML2_TOKEN, BEARER).toXml(), "alice", "secret",
                PasswordType.TEXT);
    }

    private static Rstr asAlice(String rst, PasswordType type) throws Exception {
        return send(RstMessages.withUsernameToken(rst, "alice", "secret", type), ISSUE_ACTION);
    }

    private static Rstr send(byte[] message, String soapAction) throws Exception {
        return Rstr.of(RstMessages.post(sts.endpoint(), message, soapAction));
    }

    /** The signature verifies with the STS key, which is also the certificate in its KeyInfo. */
    private static void assertSignedBySts(Element assertion) throws Exception {
        SamlAssertionWrapper wrapper = new SamlAssertionWrapper(assertion);
        assertThat(wrapper.isSigned()).isTrue();
        wrapper.verifySignature(new SAMLKeyInfo(new X509Certificate[] {sts.signingCertificate()}));
        Element signature = (Element) assertion.getElementsByTagNameNS(RstMessages.DS, "Signature").item(0);
        Element certificate = (Element) signature.getElementsByTagNameNS(RstMessages.DS, "X509Certificate").item(0);
        assertThat(decode(certificate)).isEqualTo(sts.signingCertificate());
    }

    private static X509Certificate decode(Element x509Certificate) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(x509Certificate.getTextContent());
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
