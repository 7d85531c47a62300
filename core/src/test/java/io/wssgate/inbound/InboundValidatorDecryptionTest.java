package io.wssgate.inbound;

import io.wssgate.soap.SoapVersion;
import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted Bodies through {@link InboundValidator#validate(byte[])} with a PEM decryption key. */
class InboundValidatorDecryptionTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String SECRET_TEXT = "the plaintext only the gate may read";
    static final String BODY = "<ns:order xmlns:ns=\"urn:wssgate:test\">" + SECRET_TEXT + "</ns:order>";

    static Identity server;
    static InboundValidator decrypting;
    static InboundValidator notDecrypting;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        server = KEYS.issue("server");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path cert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        DecryptionPolicy decryption = new DecryptionPolicy(
                Optional.of(new KeySource.PemKeyPair(key, cert, Optional.empty())),
                DecryptionPolicy.disabled().keyTransportAlgorithms(), DecryptionPolicy.disabled().dataAlgorithms());
        decrypting = validator(policy(ca).decryption(decryption).build());
        notDecrypting = validator(policy(ca).build());
    }

    static MessageBuilder signed(MessageBuilder builder) {
        return builder.timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST);
    }

    @Test
    void encryptedBodyIsDecryptedAndTheSignerIdentified() throws Exception {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();
        assertThat(new String(msg, StandardCharsets.UTF_8)).doesNotContain(SECRET_TEXT);

        ValidatedMessage valid = decrypting.validate(msg);

        assertThat(valid.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertThat(valid.envelope().body().getTextContent()).isEqualTo(SECRET_TEXT);
        assertThat(valid.envelope().body().getElementsByTagNameNS(XmlNames.XENC, "EncryptedData").getLength())
                .isZero();
        assertThat(valid.envelope().body().getFirstChild().getLocalName()).isEqualTo("order");
    }

    @Test
    void encryptedSoap12BodyWithSkiKeyReferenceIsDecrypted() throws Exception {
        byte[] msg = signed(TestMessages.soap12(BODY))
                .encryptBodyFor(server.certificate(), KeyIdType.SKI, null, null).build();

        ValidatedMessage valid = decrypting.validate(msg);
        assertThat(valid.envelope().version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(valid.envelope().body().getTextContent()).isEqualTo(SECRET_TEXT);
    }

    @Test
    void plaintextMessagesStillPassWhenDecryptionIsConfigured() throws Exception {
        assertThat(decrypting.validate(signed(TestMessages.soap11(BODY)).build()).envelope().body().getTextContent())
                .isEqualTo(SECRET_TEXT);
    }

    @Test
    void bodyEncryptedForSomeoneElseIsRejected() {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(KEYS.issue("other-server").certificate())
                .build();
        // WSS4J finds no key (its generic FAILURE), reported like any other decryption failure
        assertThat(assertRejected(decrypting, msg, FaultCode.FAILED_CHECK).getMessage())
                .contains("No certificates were found for decryption");
    }

    @Test
    void damagedEncryptedKeyIsRejectedLikeAnyDecryptionFailure() {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();
        assertRejected(decrypting, changeCipherValue(msg, "EncryptedKey"), FaultCode.FAILED_CHECK);
    }

    @Test
    void encryptedBodyWithoutDecryptionConfiguredIsRejected() {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();
        assertRejected(notDecrypting, msg, FaultCode.UNSUPPORTED_SECURITY_TOKEN);
    }

    @Test
    void tamperedCiphertextIsRejected() {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();
        assertRejected(decrypting, changeCipherValue(msg, "EncryptedData"), FaultCode.FAILED_CHECK);
    }

    /** Changes one base64 character in the first CipherValue after {@code container}'s start tag. */
    private static byte[] changeCipherValue(byte[] msg, String container) {
        String xml = new String(msg, StandardCharsets.UTF_8);
        int start = xml.indexOf("<xenc:CipherValue>", xml.indexOf(container)) + "<xenc:CipherValue>".length();
        char flipped = xml.charAt(start + 10) == 'A' ? 'B' : 'A';
        return (xml.substring(0, start + 10) + flipped + xml.substring(start + 11)).getBytes(StandardCharsets.UTF_8);
    }
}
