package io.wssgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AudienceRestriction;

import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.Wss4jVerifier.Outcome;

class SamlMessagesTest {

    private static final TestKeys KEYS = TestKeys.create();
    private static final QName BODY_11 = new QName(TestMessages.SOAP11_NS, "Body");
    private static final QName TIMESTAMP = new QName(WSConstants.WSU_NS, "Timestamp");

    private final Wss4jVerifier verifier = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of());

    private static Identity idp() {
        return KEYS.issue("idp");
    }

    private static SamlAssertionWrapper assertionOf(Outcome outcome, int action) {
        return (SamlAssertionWrapper) outcome.actions(action).get(0).get(WSSecurityEngineResult.TAG_SAML_ASSERTION);
    }

    @Test
    void saml2HolderOfKeyWithStrToAssertionProcesses() throws Exception {
        Identity alice = KEYS.issue("alice");
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp()).subject("alice").holderOfKey(alice)
                        .audienceRestriction("urn:wssgate:test:service"))
                .build();

        Outcome outcome = verifier.process(message);

        SamlAssertionWrapper assertion = assertionOf(outcome, WSConstants.ST_SIGNED);
        assertThat(assertion.getSaml2().getSubject().getNameID().getValue()).isEqualTo("alice");
        assertThat(assertion.getSignatureKeyInfo().getCerts()[0]).isEqualTo(idp().certificate());
        // the message signature's key came from the assertion's subject confirmation
        assertThat(outcome.signedElements(WSConstants.SIGN)).containsExactlyInAnyOrder(BODY_11, TIMESTAMP);
        assertThat(outcome.actions(WSConstants.SIGN).get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATES))
                .isEqualTo(new java.security.cert.X509Certificate[] {alice.certificate()});
    }

    @Test
    void saml2HolderOfKeyWithBstProcesses() throws Exception {
        Identity alice = KEYS.issue("alice");
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp()).holderOfKey(alice))
                .holderOfKeyViaBst()
                .build();

        Outcome outcome = verifier.process(message);

        assertThat(assertionOf(outcome, WSConstants.ST_SIGNED).getSaml2()).isNotNull();
        assertThat(outcome.actions(WSConstants.SIGN).get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))
                .isEqualTo(alice.certificate());
    }

    @Test
    void holderOfKeyProofWithAnotherKeyIsRejected() {
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp()).holderOfKey(KEYS.issue("alice")))
                .holderOfKeyViaBst()
                .signWith(KEYS.issue("mallory"), KeyIdType.BST)
                .build();

        // WSS4J's subject confirmation check: no signature was made with the confirmation key
        assertThatThrownBy(() -> verifier.process(message)).isInstanceOf(WSSecurityException.class);
    }

    @Test
    void saml11SenderVouchesProcesses() throws Exception {
        Identity sender = KEYS.issue("gateway-client");
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml11().subject("bob").senderVouches().attribute("role", "clerk"))
                .signWith(sender, KeyIdType.BST)
                .build();

        Outcome outcome = verifier.process(message);

        SamlAssertionWrapper assertion = assertionOf(outcome, WSConstants.ST_UNSIGNED);
        assertThat(assertion.getSaml1()).isNotNull();
        assertThat(assertion.getSaml1().getAttributeStatements().get(0).getSubject().getNameIdentifier()
                .getValue()).isEqualTo("bob");
        assertThat(outcome.actions(WSConstants.SIGN).get(0).get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))
                .isEqualTo(sender.certificate());
        // the STR-Transform reference shows up as the referenced assertion
        assertThat(outcome.signedElements(WSConstants.SIGN)).contains(BODY_11, TIMESTAMP);
        assertThat(outcome.signedElements(WSConstants.SIGN)).hasSize(3);
    }

    @Test
    void saml2SenderVouchesAndSaml11HolderOfKeyAlsoProcess() throws Exception {
        byte[] sv = TestMessages.soap12()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp()).senderVouches())
                .signWith(KEYS.issue("gateway-client"), KeyIdType.BST)
                .build();
        assertThat(assertionOf(verifier.process(sv), WSConstants.ST_SIGNED).getSaml2()).isNotNull();

        byte[] hok = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml11().signedBy(idp()).holderOfKey(KEYS.issue("alice")))
                .build();
        assertThat(assertionOf(verifier.process(hok), WSConstants.ST_SIGNED).getSaml1()).isNotNull();
    }

    @Test
    void holderOfKeySignatureCanAlsoCoverTheAssertion() throws Exception {
        byte[] message = TestMessages.soap11()
                .saml(SamlSpec.saml2().signedBy(idp()).holderOfKey(KEYS.issue("alice")))
                .signSamlAssertion()
                .build();

        assertThat(verifier.process(message).signedElements(WSConstants.SIGN)).containsExactlyInAnyOrder(
                BODY_11, new QName("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion"));
    }

    @Test
    void signedBearerAssertionWithMessageSignatureOverIt() throws Exception {
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp()).bearer())
                .signWith(KEYS.issue("client"), KeyIdType.BST)
                .signSamlAssertion()
                .build();

        Outcome outcome = verifier.process(message);

        assertThat(assertionOf(outcome, WSConstants.ST_SIGNED).getSaml2()).isNotNull();
        assertThat(outcome.signedElements(WSConstants.SIGN)).contains(
                new QName("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion"));
    }

    @Test
    void assertionContentFollowsTheSpec() {
        Instant authnInstant = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS);
        SamlAssertionWrapper wrapper = SamlSpec.saml2()
                .issuer("https://issuer.example")
                .subject("carol@example.org", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
                .audienceRestriction("urn:a", "urn:b")
                .audienceRestriction("urn:c")
                .oneTimeUse()
                .attribute("role", "admin", "user")
                .authentication(SamlSpec.AUTHN_PASSWORD_SAML2, authnInstant)
                .assertionId("_fixed-id")
                .toAssertion();

        Assertion saml2 = wrapper.getSaml2();
        assertThat(saml2.getID()).isEqualTo("_fixed-id");
        assertThat(saml2.getIssuer().getValue()).isEqualTo("https://issuer.example");
        assertThat(saml2.getSubject().getNameID().getFormat()).endsWith("emailAddress");
        List<AudienceRestriction> restrictions = saml2.getConditions().getAudienceRestrictions();
        assertThat(restrictions).hasSize(2);
        assertThat(restrictions.get(0).getAudiences()).extracting(a -> a.getURI()).containsExactly("urn:a", "urn:b");
        assertThat(saml2.getConditions().getOneTimeUse()).isNotNull();
        assertThat(saml2.getAttributeStatements().get(0).getAttributes().get(0).getAttributeValues()).hasSize(2);
        assertThat(saml2.getAuthnStatements().get(0).getAuthnInstant()).isEqualTo(authnInstant);
        assertThat(wrapper.isSigned()).isFalse();

        SamlAssertionWrapper saml11 = SamlSpec.saml11().oneTimeUse().toAssertion();
        assertThat(saml11.getSaml1().getConditions().getDoNotCacheConditions()).hasSize(1);
        assertThat(saml11.getSaml1().getAuthenticationStatements()).as("carries the subject").hasSize(1);
    }

    @Test
    void expiredAndNotYetValidAssertionsAreRejected() {
        for (SamlSpec spec : List.of(SamlSpec.saml2().expired(), SamlSpec.saml2().notYetValid())) {
            byte[] message = TestMessages.soap11()
                    .saml(spec.signedBy(idp()).holderOfKey(KEYS.issue("alice")))
                    .build();
            assertThatThrownBy(() -> verifier.process(message)).isInstanceOf(WSSecurityException.class);
        }
    }

    @Test
    void assertionSignedByUntrustedIssuerIsRejected() {
        byte[] message = TestMessages.soap11()
                .saml(SamlSpec.saml2().signedBy(KEYS.issueByOtherCa("rogue-idp")).holderOfKey(KEYS.issue("alice")))
                .build();

        assertThatThrownBy(() -> verifier.process(message)).isInstanceOf(WSSecurityException.class);
    }
}
