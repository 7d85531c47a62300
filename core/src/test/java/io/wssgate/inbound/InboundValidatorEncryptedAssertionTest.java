package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.TokenType;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlEncryption;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * saml2:EncryptedAssertion through {@link InboundValidator#validate(byte[])}: decrypted with the
 * policy's key, then checked exactly as a plain assertion. The HTTP-level versions of the
 * refusals are in the attack catalogue ({@code EncryptedAssertionAttacks}).
 */
class InboundValidatorEncryptedAssertionTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String AUDIENCE = "urn:test";
    static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";

    static Identity idp;
    static Identity subjectKey;
    static Identity sender;
    static Identity server;
    static InboundValidator decrypting;
    static InboundValidator bearerDecrypting;
    static InboundValidator plainOnly;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        idp = KEYS.issue("idp");
        subjectKey = KEYS.issue("alice-key");
        sender = KEYS.issue("sender");
        server = KEYS.issue("server");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path idpPem = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path cert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        DecryptionPolicy decryption = new DecryptionPolicy(
                Optional.of(new KeySource.PemKeyPair(key, cert, Optional.empty())),
                DecryptionPolicy.disabled().keyTransportAlgorithms(), DecryptionPolicy.disabled().dataAlgorithms());
        RoleMapping roles = new RoleMapping(List.of("role"), Map.of());
        SamlPolicy saml = saml(idpPem, Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES));
        decrypting = validator(policy(ca).roles(roles).decryption(decryption)
                .saml(saml.withEncryptedAssertions(true)).build());
        bearerDecrypting = validator(policy(ca).roles(roles).decryption(decryption)
                .saml(saml(idpPem, Set.of(ConfirmationMethod.BEARER)).withEncryptedAssertions(true)).build());
        plainOnly = validator(policy(ca).roles(roles).decryption(decryption).saml(saml).build());
    }

    static SamlPolicy saml(Path idpPem, Set<ConfirmationMethod> methods) {
        return new SamlPolicy(true, List.of(new TrustedIssuer(SamlSpec.DEFAULT_ISSUER, List.of(idpPem))),
                List.of(AUDIENCE), Duration.ofSeconds(60), Duration.ofMinutes(30), methods,
                AssertionReplay.ONE_TIME_USE);
    }

    static SamlSpec assertion() {
        return SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE).attribute("role", "admin", "clerk");
    }

    static MessageBuilder holderOfKey(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(subjectKey))
                .encryptAssertionFor(server.certificate());
    }

    @Test
    void holderOfKeyAssertionIsDecryptedAndIdentifiesItsSubject() throws Exception {
        byte[] message = holderOfKey(assertion()).build();
        String wire = new String(message, StandardCharsets.UTF_8);
        assertThat(wire).contains("EncryptedAssertion").doesNotContain(SamlSpec.DEFAULT_SUBJECT)
                .contains("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID");

        ValidatedMessage valid = decrypting.validate(message);

        assertThat(valid.principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
        assertThat(valid.principal().tokenType()).isEqualTo(TokenType.SAML_2_0);
        assertThat(valid.principal().roles()).containsExactlyInAnyOrder("admin", "clerk");
        assertThat(valid.caller().assertion()).hasValueSatisfying(a -> assertThat(a.getLocalName()).isEqualTo("Assertion"));
        // the DOM the application reads holds the assertion in place of the EncryptedAssertion
        assertThat(valid.decrypted()).isTrue();
        Document doc = valid.envelope().document();
        assertThat(doc.getElementsByTagNameNS(SAML2_NS, "EncryptedAssertion").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagNameNS(SAML2_NS, "Assertion").item(0)).getParentNode().getLocalName())
                .isEqualTo("Security");
    }

    @Test
    void soap12HolderOfKeyIsAccepted() throws Exception {
        byte[] message = TestMessages.soap12().timestamp(Duration.ofMinutes(5)).saml(assertion().holderOfKey(subjectKey))
                .encryptAssertionFor(server.certificate()).build();
        assertThat(decrypting.validate(message).principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
    }

    @Test
    void senderVouchesSignatureOverThePlaintextThroughItsStrIsAccepted() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(assertion().senderVouches())
                .signWith(sender, KeyIdType.BST).encryptAssertionFor(server.certificate()).build();
        assertThat(new String(message, StandardCharsets.UTF_8)).contains("STR-Transform");

        assertThat(decrypting.validate(message).principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
    }

    @Test
    void bearerAssertionInAMessageSignedOverItsIdIsAccepted() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(assertion().bearer())
                .signWith(KEYS.issue("client"), KeyIdType.BST).signSamlAssertion()
                .encryptAssertionFor(server.certificate()).build();

        assertThat(bearerDecrypting.validate(message).principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
    }

    @Test
    void policyWithoutEncryptedAssertionsRefusesOne() {
        assertRejected(plainOnly, holderOfKey(assertion()).build(), FaultCode.UNSUPPORTED_SECURITY_TOKEN);
    }

    @Test
    void plainAssertionsStillPassWhereEncryptedOnesAreAccepted() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(assertion().holderOfKey(subjectKey))
                .build();
        ValidatedMessage valid = decrypting.validate(message);
        assertThat(valid.principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
        assertThat(valid.decrypted()).isFalse();
    }

    @Test
    void assertionForAnotherRecipientIsAFailedCheck() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(assertion().holderOfKey(subjectKey))
                .encryptAssertionFor(KEYS.issue("other-server").certificate()).build();
        assertRejected(decrypting, message, FaultCode.FAILED_CHECK);
    }

    @Test
    void unsignedDecryptedAssertionIsAnInvalidToken() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().unsigned().audienceRestriction(AUDIENCE).holderOfKey(subjectKey))
                .holderOfKeyViaBst().encryptAssertionFor(server.certificate()).build();
        assertRejected(decrypting, message, FaultCode.INVALID_SECURITY_TOKEN);
    }

    @Test
    void decryptedAssertionFromAnotherIssuerFailsAuthentication() {
        byte[] message = holderOfKey(SamlSpec.saml2().signedBy(sender).audienceRestriction(AUDIENCE)).build();
        assertRejected(decrypting, message, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void peerEncryptedKeyFoundThroughRetrievalMethodIsRefusedBeforeDecryption() {
        byte[] message = holderOfKey(assertion()).build();
        byte[] peer = replaceEncryptedAssertion(message, doc -> SamlEncryption.encrypt(
                assertion().holderOfKey(subjectKey).toAssertion(), server.certificate(), doc,
                SamlEncryption.AES256_GCM, SamlEncryption.RSA_OAEP, Encrypter.KeyPlacement.PEER));
        assertThat(new String(peer, StandardCharsets.UTF_8)).contains("RetrievalMethod");
        assertRejected(decrypting, peer, FaultCode.UNSUPPORTED_SECURITY_TOKEN);
    }

    @Test
    void ofSeveralRecipientsTheEncryptedKeyNamingOurCertificateIsUsed() throws Exception {
        byte[] message = replaceEncryptedAssertion(holderOfKey(assertion().assertionId("_multi-1")).build(),
                doc -> SamlEncryption.encrypt(assertion().assertionId("_multi-1").holderOfKey(subjectKey).toAssertion(),
                        List.of(KEYS.issue("other-server").certificate(), server.certificate()), doc));
        assertThat(((Element) TestMessages.parse(message).getElementsByTagNameNS(XENC_NS, "EncryptedData").item(0))
                .getElementsByTagNameNS(XENC_NS, "EncryptedKey").getLength()).isEqualTo(2);

        assertThat(decrypting.validate(message).principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
    }

    @Test
    void ofSeveralRecipientsNoneOursIsAFailedCheck() {
        byte[] message = replaceEncryptedAssertion(holderOfKey(assertion().assertionId("_multi-2")).build(),
                doc -> SamlEncryption.encrypt(assertion().assertionId("_multi-2").holderOfKey(subjectKey).toAssertion(),
                        List.of(KEYS.issue("other-server").certificate(), KEYS.issue("third-server").certificate()), doc));
        assertRejected(decrypting, message, FaultCode.FAILED_CHECK);
    }

    /**
     * XML Encryption's Type Element plaintext may use prefixes declared where the EncryptedData
     * stands; the plaintext here leaves saml2 to the EncryptedAssertion's declaration. Its issuer
     * signature (exclusive C14N) still verifies, so the context was applied as Santuario does.
     */
    @Test
    void plaintextRelyingOnTheNamespacesInScopeIsUnderstood() throws Exception {
        SamlSpec spec = assertion().assertionId("_context-1").holderOfKey(subjectKey);
        String standalone = spec.toXml();
        String declaration = " xmlns:saml2=\"" + SAML2_NS + "\"";
        assertThat(standalone).contains(declaration);
        String plaintext = standalone.replaceFirst(java.util.regex.Pattern.quote(declaration), "");
        byte[] message = io.wssgate.testing.attacks.MessageDom.edit(holderOfKey(spec).build(), doc -> {
            Element encryptedData = (Element) doc.getElementsByTagNameNS(XENC_NS, "EncryptedData").item(0);
            Element encryptedKey = (Element) encryptedData.getElementsByTagNameNS(XENC_NS, "EncryptedKey").item(0);
            byte[] key = io.wssgate.testing.attacks.AttackerEncryption.sessionKey(encryptedKey, server.privateKey());
            Element cipherValue = null;
            for (org.w3c.dom.Node n = encryptedData.getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("CipherData".equals(n.getLocalName())) {
                    cipherValue = (Element) ((Element) n).getElementsByTagNameNS(XENC_NS, "CipherValue").item(0);
                }
            }
            io.wssgate.testing.attacks.AttackerEncryption.encryptInto(cipherValue, key, plaintext);
        });

        ValidatedMessage valid = decrypting.validate(message);

        assertThat(valid.principal().name()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
        // the detached assertion handed on declares what it relied on
        assertThat(valid.caller().assertion().orElseThrow().getAttributeNS("http://www.w3.org/2000/xmlns/", "saml2"))
                .isEqualTo(SAML2_NS);
    }

    /** The message with its EncryptedAssertion swapped for another one. */
    static byte[] replaceEncryptedAssertion(byte[] message, java.util.function.Function<Document, Element> replacement) {
        Document doc = TestMessages.parse(message);
        Element old = (Element) doc.getElementsByTagNameNS(SAML2_NS, "EncryptedAssertion").item(0);
        old.getParentNode().replaceChild(replacement.apply(doc), old);
        return io.wssgate.testing.attacks.MessageDom.bytes(doc);
    }
}
