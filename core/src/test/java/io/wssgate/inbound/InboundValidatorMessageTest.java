package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message-level rules through {@link InboundValidator#validate(byte[])}: Timestamp, replay, coverage, structure. */
class InboundValidatorMessageTest {
    static final TestKeys KEYS = TestKeys.create();
    static final QName ROUTING = new QName("urn:wssgate:test:routing", "To");
    static final String ROUTING_HEADER = "<r:To xmlns:r=\"urn:wssgate:test:routing\">urn:service</r:To>";

    static InboundValidator validator;
    static InboundValidator headerSigning;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        validator = validator(policy(ca).build());
        headerSigning = validator(policy(ca).signature(new SignaturePolicy(true, true, true, List.of(ROUTING),
                AlgorithmPolicy.defaults(), true)).build());
    }

    static MessageBuilder signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST);
    }

    static MessageBuilder signedWithTimestamp(Instant created, Duration ttl) {
        return TestMessages.soap11().timestamp(created, ttl).signWith(KEYS.issue("client"), KeyIdType.BST);
    }

    @Test
    void validMessageIsAcceptedWithItsBody() throws Exception {
        ValidatedMessage valid = validator.validate(signed().build());

        assertThat(valid.envelope().body().getTextContent()).isEqualTo("hello");
        assertThat(valid.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
    }

    @Test
    void expiredTimestampIsRejected() {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        assertRejected(validator, signedWithTimestamp(tenMinutesAgo, Duration.ofMinutes(5)).build(),
                FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void timestampOlderThanMaxAgeIsRejectedEvenIfNotYetExpired() {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        assertRejected(validator, signedWithTimestamp(tenMinutesAgo, Duration.ofHours(1)).build(),
                FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void futureTimestampIsRejected() {
        // WSS4J reports a Created beyond the allowed future skew as MessageExpired too
        Instant inTenMinutes = Instant.now().plus(Duration.ofMinutes(10));
        assertRejected(validator, signedWithTimestamp(inTenMinutes, Duration.ofMinutes(5)).build(),
                FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void slightlySkewedTimestampIsAccepted() throws Exception {
        Instant inTwentySeconds = Instant.now().plusSeconds(20);
        assertThat(validator.validate(signedWithTimestamp(inTwentySeconds, Duration.ofMinutes(5)).build())
                .principal().name()).startsWith("CN=client,");
    }

    @Test
    void timestampWithoutExpiresIsRejectedWhenExpiresIsRequired() {
        byte[] msg = TestMessages.soap11().timestampWithoutExpires()
                .signWith(KEYS.issue("client"), KeyIdType.BST).build();
        assertRejected(validator, msg, FaultCode.INVALID_SECURITY);
    }

    @Test
    void replayedMessageIsRejectedTheSecondTime() throws Exception {
        byte[] msg = signed().build();

        assertThat(validator.validate(msg).principal().name()).startsWith("CN=client,");
        assertRejected(validator, msg, FaultCode.INVALID_SECURITY);
        // a fresh message of the same client still goes through
        assertThat(validator.validate(signed().build()).principal().name()).startsWith("CN=client,");
    }

    @Test
    void missingTimestampIsRejected() {
        byte[] msg = TestMessages.soap11().signWith(KEYS.issue("client"), KeyIdType.BST).build();
        assertThat(assertRejected(validator, msg, FaultCode.INVALID_SECURITY).getMessage()).contains("Timestamp");
    }

    @Test
    void unsignedTimestampIsRejected() {
        assertThat(assertRejected(validator, signed().signTimestamp(false).build(), FaultCode.FAILED_CHECK)
                .getMessage()).contains("Timestamp");
    }

    @Test
    void unsignedBodyIsRejected() {
        assertThat(assertRejected(validator, signed().signBody(false).build(), FaultCode.FAILED_CHECK)
                .getMessage()).contains("Body");
    }

    @Test
    void wrappedBodyIsRejected() {
        assertThat(assertRejected(validator, TestMessages.wrapBody(signed().build()), FaultCode.FAILED_CHECK)
                .getMessage()).contains("Body");
    }

    @Test
    void duplicateIdIsRejected() {
        assertThat(assertRejected(validator, TestMessages.duplicateId(signed().build()), FaultCode.INVALID_SECURITY)
                .getMessage()).contains("duplicate");
    }

    @Test
    void messageWithItsSignatureRemovedIsRejected() {
        assertThat(assertRejected(validator, TestMessages.removeSignature(signed().build()),
                FaultCode.INVALID_SECURITY).getMessage()).contains("no signature");
    }

    @Test
    void tamperedBodyIsRejected() {
        assertRejected(validator, TestMessages.tamperBody(signed().build()), FaultCode.FAILED_CHECK);
    }

    @Test
    void requiredHeaderMustBePresentOnceAndSigned() throws Exception {
        byte[] signedHeader = signed().header(ROUTING_HEADER).signHeader(ROUTING).build();
        assertThat(headerSigning.validate(signedHeader).principal().name()).startsWith("CN=client,");

        assertRejected(headerSigning, signed().header(ROUTING_HEADER).build(), FaultCode.FAILED_CHECK);
        assertRejected(headerSigning, signed().build(), FaultCode.INVALID_SECURITY);
        assertRejected(headerSigning, signed().header(ROUTING_HEADER).header(ROUTING_HEADER).build(),
                FaultCode.INVALID_SECURITY);
    }

    @Test
    void messageWithoutSecurityHeaderIsRejected() {
        byte[] plain = ("<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\"><s:Body>"
                + TestMessages.DEFAULT_BODY + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        assertThat(assertRejected(validator, plain, FaultCode.INVALID_SECURITY).getMessage()).contains("Security");
    }

    @Test
    void securityHeaderForAnotherActorIsNotOurs() {
        String msg = new String(signed().build(), StandardCharsets.UTF_8)
                .replaceFirst("<wsse:Security ", "<wsse:Security soap:actor=\"urn:someone-else\" ");
        assertThat(msg).contains("soap:actor=\"urn:someone-else\"");

        assertThat(assertRejected(validator, msg.getBytes(StandardCharsets.UTF_8), FaultCode.INVALID_SECURITY)
                .getMessage()).contains("no wsse:Security header");
    }

    @Test
    void malformedMessagesAreInvalidSecurity() {
        assertRejected(validator, "not xml".getBytes(StandardCharsets.UTF_8), FaultCode.INVALID_SECURITY);
        assertRejected(validator, TestMessages.withDoctype(signed().build()), FaultCode.INVALID_SECURITY);
    }
}
