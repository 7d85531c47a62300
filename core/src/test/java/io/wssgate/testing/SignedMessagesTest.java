package io.wssgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.Wss4jVerifier.Outcome;

class SignedMessagesTest {

    private static final TestKeys KEYS = TestKeys.create();
    private static final QName BODY_11 = new QName(TestMessages.SOAP11_NS, "Body");
    private static final QName TIMESTAMP = new QName(WSConstants.WSU_NS, "Timestamp");

    /** Trusts the CA and, for issuer-serial/SKI/thumbprint lookups and decryption, holds alice's key. */
    private final Wss4jVerifier verifier = new Wss4jVerifier(
            TestCrypto.of(List.of(KEYS.issue("alice")), List.of(KEYS.ca().certificate())),
            Map.of("bob", "bob-secret"));

    @ParameterizedTest
    @EnumSource(KeyIdType.class)
    void signedMessageVerifiesWithEveryKeyReference(KeyIdType keyId) throws Exception {
        Identity alice = KEYS.issue("alice");
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .signWith(alice, keyId)
                .build();

        Outcome outcome = verifier.process(message);

        WSSecurityEngineResult signature = outcome.actions(WSConstants.SIGN).get(0);
        assertThat(signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE)).isEqualTo(alice.certificate());
        assertThat(signature.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD)).isEqualTo(WSConstants.RSA_SHA256);
        assertThat(outcome.signedElements(WSConstants.SIGN)).containsExactlyInAnyOrder(BODY_11, TIMESTAMP);
        assertThat(outcome.actions(WSConstants.TS)).hasSize(1);
    }

    @Test
    void soap12EcSignedMessageVerifies() throws Exception {
        Identity ec = KEYS.issueEc("ec-client");
        byte[] message = TestMessages.soap12("<x:ping xmlns:x=\"urn:x\"/>")
                .timestamp(Duration.ofMinutes(5))
                .signWith(ec, KeyIdType.BST)
                .build();

        Outcome outcome = verifier.process(message);

        WSSecurityEngineResult signature = outcome.actions(WSConstants.SIGN).get(0);
        assertThat(signature.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD)).isEqualTo(WSConstants.ECDSA_SHA256);
        assertThat(outcome.signedElements(WSConstants.SIGN))
                .contains(new QName(TestMessages.SOAP12_NS, "Body"));
    }

    @Test
    void extraSignedHeaderAndChosenAlgorithms() throws Exception {
        QName header = new QName("urn:wssgate:test:hdr", "Routing");
        byte[] message = TestMessages.soap11()
                .header("<h:Routing xmlns:h=\"urn:wssgate:test:hdr\">to-here</h:Routing>")
                .signWith(KEYS.issue("alice"), KeyIdType.BST, WSConstants.RSA_SHA512, WSConstants.SHA512, null)
                .signHeader(header)
                .build();

        Outcome outcome = verifier.process(message);

        assertThat(outcome.signedElements(WSConstants.SIGN)).containsExactlyInAnyOrder(BODY_11, header);
        assertThat(outcome.actions(WSConstants.SIGN).get(0).get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD))
                .isEqualTo(WSConstants.RSA_SHA512);
    }

    @Test
    void tamperedBodyFailsVerification() {
        byte[] message = TestMessages.soap11().signWith(KEYS.issue("alice"), KeyIdType.BST).build();

        byte[] tampered = TestMessages.tamperBody(message);

        assertThat(new String(tampered, StandardCharsets.UTF_8)).contains("hello-tampered");
        assertThatThrownBy(() -> verifier.process(tampered)).isInstanceOf(WSSecurityException.class)
                .extracting(e -> ((WSSecurityException) e).getErrorCode())
                .isEqualTo(WSSecurityException.ErrorCode.FAILED_CHECK);
    }

    @Test
    void removedSignatureLeavesNoSignatureResult() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(KEYS.issue("alice"), KeyIdType.BST).build();

        Outcome outcome = verifier.process(TestMessages.removeSignature(message));

        assertThat(outcome.actions(WSConstants.SIGN)).isEmpty();
        assertThat(outcome.actions(WSConstants.TS)).hasSize(1);
    }

    @Test
    void timestampVariants() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        byte[] stale = TestMessages.soap11().timestamp(past, Duration.ofMinutes(5)).build();
        assertThatThrownBy(() -> verifier.process(stale)).hasMessageContaining("expired");

        byte[] future = TestMessages.soap11().timestamp(Instant.now().plus(Duration.ofHours(1)), Duration.ZERO).build();
        assertThatThrownBy(() -> verifier.process(future)).hasMessageContaining("out of range");

        byte[] noExpires = TestMessages.soap11().timestampWithoutExpires().build();
        Element ts = (Element) TestMessages.parse(noExpires)
                .getElementsByTagNameNS(WSConstants.WSU_NS, "Timestamp").item(0);
        assertThat(ts.getElementsByTagNameNS(WSConstants.WSU_NS, "Expires").getLength()).isZero();
        assertThat(verifier.process(noExpires).actions(WSConstants.TS)).hasSize(1);
    }

    @Test
    void encryptedBodyDecryptsWithRecipientKeyAndSignatureCoversPlaintext() throws Exception {
        Identity alice = KEYS.issue("alice");
        X509Certificate recipient = alice.certificate();
        byte[] message = TestMessages.soap11()
                .timestamp(Duration.ofMinutes(5))
                .signWith(KEYS.issue("client"), KeyIdType.BST)
                .encryptBodyFor(recipient)
                .build();
        String xml = new String(message, StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain(">hello<").contains(WSConstants.AES_256_GCM)
                .contains(WSConstants.KEYTRANSPORT_RSAOAEP);

        Outcome outcome = verifier.process(message);

        assertThat(outcome.actions(WSConstants.ENCR)).hasSize(1);
        assertThat(outcome.signedElements(WSConstants.SIGN)).contains(BODY_11);
        assertThat(SoapXml.body(outcome.document()).getTextContent()).isEqualTo("hello");
        assertThatThrownBy(() -> new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of())
                .process(message)).as("no recipient key, no decryption").isInstanceOf(WSSecurityException.class);
    }

    @Test
    void usernameTokenDigestAndText() throws Exception {
        for (PasswordType type : PasswordType.values()) {
            byte[] message = TestMessages.soap11().usernameToken("bob", "bob-secret", type).build();
            assertThat(verifier.process(message).actions(WSConstants.UT)).as(type.name()).hasSize(1);
        }
        byte[] wrong = TestMessages.soap11().usernameToken("bob", "guess", PasswordType.DIGEST).build();
        assertThatThrownBy(() -> verifier.process(wrong)).isInstanceOf(WSSecurityException.class)
                .extracting(e -> ((WSSecurityException) e).getErrorCode())
                .isEqualTo(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }

    @Test
    void untrustedSignersAreRejected() {
        for (Identity signer : List.of(KEYS.expired("old"), KEYS.selfSigned("self"), KEYS.issueByOtherCa("eve"))) {
            byte[] message = TestMessages.soap11().signWith(signer, KeyIdType.BST).build();
            assertThatThrownBy(() -> verifier.process(message)).as(signer.certificate().getSubjectX500Principal()
                    .getName()).hasMessageContaining("certificate path validation");
        }
    }
}
