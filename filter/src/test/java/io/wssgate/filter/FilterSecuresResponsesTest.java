package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.message.token.SignatureConfirmation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The filter signs (and encrypts) the application's SOAP responses; an independent WSS4J
 * engine verifies them. A response that cannot be secured becomes a clean fault.
 */
class FilterSecuresResponsesTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static JettyWebApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  signed:
                    paths: [/signed/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      signature-confirmation: true
                  encrypted:
                    paths: [/encrypted/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      encryption:
                        recipient-certificate: %4$s
                """.formatted(ca, serverKey, serverCert, clientCert));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), SoapResponderServlet.class);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void signedResponseWithSignatureConfirmationVerifiesWithPlainWss4j() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
        HttpResponse<byte[]> response = app.post("/signed/whoami", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("CN=client,O=WSS Gate Test,C=DE");
        Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of())
                .process(response.body());
        assertThat(verified.signedElements(WSConstants.SIGN)).extracting(q -> q.getLocalPart())
                .contains("Body", "Timestamp", "SignatureConfirmation");
        WSSecurityEngineResult confirmation = verified.actions(WSConstants.SC).get(0);
        byte[] confirmed = ((SignatureConfirmation) confirmation.get(WSSecurityEngineResult.TAG_SIGNATURE_CONFIRMATION))
                .getSignatureValue();
        assertThat(confirmed).isEqualTo(signatureValueOf(request));
    }

    @Test
    void encryptedResponseIsReadableOnlyByTheClient() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
        HttpResponse<byte[]> response = app.post("/encrypted/whoami", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("CN=client");
        Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.of(java.util.List.of(CLIENT),
                java.util.List.of(KEYS.ca().certificate())), Map.of()).process(response.body());
        assertThat(verified.actions(WSConstants.ENCR)).isNotEmpty();
        assertThat(verified.document().getDocumentElement().getTextContent()).contains("CN=client,O=WSS Gate Test,C=DE");
    }

    @Test
    void aResponseThatCannotBeSecuredBecomesACleanFault() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
        HttpResponse<byte[]> response = app.post("/signed/broken", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(500);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("soap:Server").contains("The response could not be secured")
                .contains(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow())
                .doesNotContain("internal detail");
        TestMessages.parse(response.body());
    }

    private static byte[] signatureValueOf(byte[] message) {
        Document doc = TestMessages.parse(message);
        String value = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "SignatureValue").item(0)
                .getTextContent().replaceAll("\\s", "");
        return Base64.getDecoder().decode(value);
    }
}
