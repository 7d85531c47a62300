package io.wssgate.filter;

import static io.wssgate.filter.SoapResponses.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SoftHsm;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter with its keys on a PKCS#11 token (SoftHSM2, keys generated inside it): requests
 * encrypted for the token's key are decrypted for the application, responses are signed by the
 * token and verify with plain WSS4J, and a tampered encrypted request is refused before the
 * application runs.
 */
class Pkcs11OverHttpTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static X509Certificate decrypter;
    static X509Certificate signer;
    static JettyWebApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        SoftHsm hsm = SoftHsm.get();
        decrypter = hsm.generateRsa("filter-decrypter", "hsm-server", KEYS.ca());
        signer = hsm.generateRsa("filter-signer", "hsm-server-signer", KEYS.ca());
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path pin = Files.writeString(dir.resolve("pin"), SoftHsm.PIN + "\n");
        String token = "{ type: PKCS11, provider-config: %s, pin-file: %s }".formatted(hsm.keysConfig(), pin);
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  hsm:
                    paths: [/hsm/*]
                    trust: { certificates: [%1$s] }
                    decryption:
                      key: { keystore: %2$s, alias: filter-decrypter }
                      required-parts: [Body]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { keystore: %2$s, alias: filter-signer }
                """.formatted(ca, token));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), SoapResponderServlet.class);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void aRequestEncryptedForTheTokensKeyIsDecryptedAndTheResponseSignedByTheToken() throws Exception {
        byte[] request = encryptedRequest();

        HttpResponse<byte[]> response = app.post("/hsm/whoami", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("CN=client,O=WSS Gate Test,C=DE");
        Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of())
                .process(response.body());
        assertThat(verified.signedElements(WSConstants.SIGN)).extracting(q -> q.getLocalPart())
                .contains("Body", "Timestamp");
        assertThat(verified.actions(WSConstants.SIGN).get(0).get("x509-certificate")).isEqualTo(signer);
    }

    @Test
    void aTamperedEncryptedRequestIsRefusedBeforeTheApplicationRuns() throws Exception {
        int before = SoapResponderServlet.INVOCATIONS.get();
        byte[] tampered = flipCipherValue(encryptedRequest());

        HttpResponse<byte[]> response = app.post("/hsm/whoami", tampered, SecuredApp.SOAP11);

        assertFault(response, FaultCode.FAILED_CHECK);
        assertThat(SoapResponderServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(before);
    }

    private static byte[] encryptedRequest() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST)
                .encryptBodyFor(decrypter).build();
    }

    /** One character of the Body's CipherValue changed: the AES-GCM tag no longer verifies. */
    private static byte[] flipCipherValue(byte[] message) {
        String xml = new String(message, StandardCharsets.UTF_8);
        int body = xml.indexOf("Body");
        int value = xml.indexOf("CipherValue>", body) + "CipherValue>".length() + 10;
        char c = xml.charAt(value);
        return (xml.substring(0, value) + (c == 'A' ? 'B' : 'A') + xml.substring(value + 1))
                .getBytes(StandardCharsets.UTF_8);
    }
}
