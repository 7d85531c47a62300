package io.wssgate.inbound;

import io.wssgate.soap.SoapVersion;
import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decryption.required-parts}: the Body and named headers must arrive encrypted, by position. */
class RequiredEncryptionTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String BODY = "<ns:order xmlns:ns=\"urn:wssgate:test\">card 4111 1111 1111 1111</ns:order>";
    static final QName ROUTING = new QName("urn:wssgate:test:headers", "Routing");
    static final String ROUTING_XML = "<h:Routing xmlns:h=\"urn:wssgate:test:headers\">to-billing</h:Routing>";

    static Identity server;
    static Identity client;
    static Path ca;
    static Optional<KeySource> serverKey;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        server = KEYS.issue("server");
        client = KEYS.issue("client");
        ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        serverKey = Optional.of(new KeySource.PemKeyPair(
                TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey()),
                TestKeys.writePem(dir.resolve("server.pem"), server.certificate()), Optional.empty()));
    }

    static InboundValidator requiring(boolean body, QName... headers) {
        return validator(policy(ca).decryption(decryption(body, headers)).build());
    }

    static DecryptionPolicy decryption(boolean body, QName... headers) {
        DecryptionPolicy d = DecryptionPolicy.disabled();
        return new DecryptionPolicy(serverKey, d.keyTransportAlgorithms(), d.dataAlgorithms(), body, List.of(headers));
    }

    static MessageBuilder signed(MessageBuilder builder) {
        return builder.timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST);
    }

    @Test
    void encryptedBodyIsAccepted() throws Exception {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();

        ValidatedMessage valid = requiring(true).validate(msg);

        assertThat(valid.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertThat(valid.envelope().body().getTextContent()).contains("card 4111");
    }

    @Test
    void encryptedSoap12BodyIsAccepted() throws Exception {
        byte[] msg = signed(TestMessages.soap12(BODY)).encryptBodyFor(server.certificate()).build();
        assertThat(requiring(true).validate(msg).envelope().version()).isEqualTo(SoapVersion.SOAP_12);
    }

    @Test
    void signedButClearBodyIsRefused() {
        byte[] msg = signed(TestMessages.soap11(BODY)).build();

        assertThat(assertRejected(requiring(true), msg, FaultCode.FAILED_CHECK).getMessage())
                .isEqualTo("SOAP Body was not encrypted, but the policy requires it");
    }

    @Test
    void clearBodyIsStillAcceptedWithoutRequiredParts() throws Exception {
        byte[] msg = signed(TestMessages.soap11(BODY)).build();
        assertThat(requiring(false).validate(msg).envelope().body().getTextContent()).contains("card 4111");
    }

    /**
     * The encrypted, signed Body moved into a header, a clear Body in its place. With signatures
     * not required, coverage has nothing to say about the clear Body: this check alone refuses it.
     */
    @Test
    void encryptedBodyMovedAwayDoesNotSatisfyTheRequirement() {
        SignaturePolicy lenient = new SignaturePolicy(false, true, true, List.of(), AlgorithmPolicy.defaults(), true);
        InboundValidator validator = validator(policy(ca).signature(lenient).decryption(decryption(true)).build());
        byte[] msg = TestMessages.wrapBody(signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate())
                .build(), TestMessages.EVIL_BODY);

        assertThat(assertRejected(validator, msg, FaultCode.FAILED_CHECK).getMessage())
                .isEqualTo("SOAP Body was not encrypted, but the policy requires it");
    }

    @Test
    void encryptedHeaderSatisfiesAHeaderRequirement() throws Exception {
        byte[] msg = signed(TestMessages.soap11(BODY)).header(ROUTING_XML).signHeader(ROUTING)
                .encryptBodyFor(server.certificate()).encryptHeader(ROUTING).build();
        assertThat(new String(msg, java.nio.charset.StandardCharsets.UTF_8)).contains("EncryptedHeader")
                .doesNotContain("to-billing");

        ValidatedMessage valid = requiring(true, ROUTING).validate(msg);

        assertThat(valid.envelope().headerBlocks().stream().filter(h -> XmlNames.qname(h).equals(ROUTING)))
                .singleElement().extracting(org.w3c.dom.Element::getTextContent).isEqualTo("to-billing");
    }

    @Test
    void requiredHeaderInClearIsRefused() {
        byte[] msg = signed(TestMessages.soap11(BODY)).header(ROUTING_XML).signHeader(ROUTING)
                .encryptBodyFor(server.certificate()).build();

        assertThat(assertRejected(requiring(true, ROUTING), msg, FaultCode.FAILED_CHECK).getMessage())
                .isEqualTo("header " + ROUTING + " was not encrypted, but the policy requires it");
    }

    @Test
    void requiredHeaderMissingIsRefused() {
        byte[] msg = signed(TestMessages.soap11(BODY)).encryptBodyFor(server.certificate()).build();

        assertThat(assertRejected(requiring(false, ROUTING), msg, FaultCode.FAILED_CHECK).getMessage())
                .isEqualTo("expected exactly one encrypted header " + ROUTING + " but found 0");
    }

    /**
     * A client that requires neither signature nor Timestamp takes a response without any
     * Security header, unless it requires an encrypted Body.
     */
    @Test
    void plainResponseIsRefusedByAClientThatRequiresAnEncryptedBody() throws Exception {
        SignaturePolicy unsigned = new SignaturePolicy(false, true, true, List.of(), AlgorithmPolicy.defaults(), true);
        TimestampPolicy optional = new TimestampPolicy(false, Duration.ofMinutes(5), Duration.ofSeconds(60), false, false);
        byte[] plain = ("<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\"><s:Body>" + BODY + "</s:Body></s:Envelope>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PolicyConfig.Builder client = policy(ca).signature(unsigned).timestamp(optional);
        assertThat(validator(client.build()).validateResponse(plain, Optional.empty()).envelope().body()
                .getTextContent()).contains("card 4111");

        InboundValidator requiring = validator(client.decryption(decryption(true)).build());
        SecurityFault fault = catchThrowableOfType(SecurityFault.class,
                () -> requiring.validateResponse(plain, Optional.empty()));

        assertThat(fault.code()).isEqualTo(FaultCode.INVALID_SECURITY);
        assertThat(fault.getMessage()).startsWith("no wsse:Security header for this receiver").endsWith("the message has none");
    }
}
