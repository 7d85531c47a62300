package io.wssgate.outbound;

import io.wssgate.spi.OutboundContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.layout.HeaderOrders;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Security header layout WSS Gate emits is WSS4J's prepend order, a documented choice: every
 * step is prepended, so the header reads (EncryptedKey), token, Signature, (SignatureConfirmation),
 * Timestamp, and a receiver meets each token before the signature that uses it. That layout is
 * Lax and LaxTimestampLast; it is not LaxTimestampFirst and not Strict, because the Timestamp
 * (and a SignatureConfirmation) the signature covers come after it. Each of WSS Gate's own layout
 * modes decides on it accordingly.
 */
class EmittedLayoutTest {
    @TempDir
    static Path dir;
    static WssGate gate;
    static final TestKeys KEYS = TestKeys.create();

    @BeforeAll
    static void setUp() throws Exception {
        TestKeys.Identity client = KEYS.issue("client");
        TestKeys.Identity issuer = KEYS.issue("wsc-issuer");
        TestKeys.Identity server = KEYS.issue("server");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), client.certificate());
        Path issuerKey = TestKeys.writePkcs8Pem(dir.resolve("issuer-key.pem"), issuer.privateKey());
        Path issuerCert = TestKeys.writePem(dir.resolve("issuer.pem"), issuer.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        String signing = "      signature:\n        key: { private-key: %s, certificate: %s }\n".formatted(clientKey, clientCert);
        String saml = """
                      token:
                        source: self-issued
                        saml:
                          version: "2.0"
                          issuer: https://wsc.wssgate.test
                          issuer-key: { private-key: %s, certificate: %s }
                          confirmation-method: %s
                          subject: alice
                          audiences: [urn:wssgate:test:service]
                """;
        StringBuilder yaml = new StringBuilder("policies:\n");
        yaml.append("  x509-out:\n    paths: [/out/x509]\n    outbound:\n      timestamp: { ttl: 5m }\n").append(signing);
        yaml.append("  hok-out:\n    paths: [/out/hok]\n    outbound:\n      timestamp: { ttl: 5m }\n")
                .append(saml.formatted(issuerKey, issuerCert, "holder-of-key")).append(signing);
        yaml.append("  sv-out:\n    paths: [/out/sv]\n    outbound:\n      timestamp: { ttl: 5m }\n")
                .append(saml.formatted(issuerKey, issuerCert, "sender-vouches")).append(signing);
        yaml.append("  encrypted-out:\n    paths: [/out/enc]\n    outbound:\n      timestamp: { ttl: 5m }\n").append(signing)
                .append("      encryption:\n        recipient-certificate: ").append(serverCert).append('\n');
        for (HeaderLayout layout : HeaderLayout.values()) {
            yaml.append("""
                      %1$s:
                        paths: [/in/%1$s]
                        security-header: { layout: %1$s }
                        trust:
                          certificates: [%2$s]
                        saml:
                          issuers: [{ name: https://wsc.wssgate.test, certificates: [%3$s] }]
                          audiences: [urn:wssgate:test:service]
                          confirmation-methods: [holder-of-key, sender-vouches]
                        decryption:
                          key: { private-key: %4$s, certificate: %5$s }
                    """.formatted(layout.key(), ca, issuerCert, serverKey, serverCert));
        }
        gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml.toString()), dir, name -> Optional.empty()));
    }

    @AfterAll
    static void tearDown() {
        gate.close();
    }

    @org.junit.jupiter.api.Test
    void aConfirmingResponsePutsTheSignatureConfirmationBetweenSignatureAndTimestamp(@TempDir Path other)
            throws Exception {
        OutboundFixture fx = new OutboundFixture(other);
        SecuredMessage request = fx.policy("confirming-client").secureOutbound(OutboundFixture.request(),
                OutboundContext.none());
        InboundOutcome.Accepted served = OutboundFixture.accepted(fx.policy("confirming-server")
                .validate(OutboundFixture.bytes(request.document()), "text/xml"));

        byte[] response = OutboundFixture.bytes(fx.policy("confirming-server").secureOutbound(OutboundFixture.request(),
                OutboundContext.forResponse(served.caller())).document());

        assertThat(HeaderOrders.children(response))
                .containsExactly("BinarySecurityToken", "Signature", "SignatureConfirmation", "Timestamp");
        OutboundFixture.accepted(fx.policy("confirming-client").validateResponse(response, "text/xml",
                request.signatureValues()));
    }

    private static byte[] emitted(String policy) throws Exception {
        PolicyRuntime sender = gate.policy(policy).orElseThrow();
        return OutboundFixture.bytes(sender.secureOutbound(TestMessages.parse(TestMessages.soap11().build()),
                OutboundContext.none()).document());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x509-out      | BinarySecurityToken Signature Timestamp
            hok-out       | Assertion Signature Timestamp
            sv-out        | BinarySecurityToken Assertion SecurityTokenReference Signature Timestamp
            encrypted-out | EncryptedKey BinarySecurityToken Signature Timestamp
            """)
    void wssGateEmitsWss4jsPrependOrderWhichIsLaxAndTimestampLastButNotStrict(String policy, String order)
            throws Exception {
        byte[] message = emitted(policy);
        assertThat(HeaderOrders.children(message)).isEqualTo(List.of(order.split(" ")));

        for (HeaderLayout layout : HeaderLayout.values()) {
            InboundOutcome outcome = gate.policy(layout.key()).orElseThrow().validate(message, "text/xml");
            if (layout == HeaderLayout.LAX || layout == HeaderLayout.LAX_TIMESTAMP_LAST) {
                assertThat(outcome).as(layout.key()).isInstanceOf(InboundOutcome.Accepted.class);
            } else {
                assertThat(outcome).as(layout.key()).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
            }
        }
    }
}
