package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.exchange.ClientCall;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.ApplicationBodies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP: the filter secures an application's MIME package response (SwA signed, SwA signed
 * and encrypted, MTOM signed over its XOP content), keeping its Content-Type and parts; the WSS
 * Gate client ({@link ClientCall}) verifies it, and refuses it when an attachment was changed on
 * the way.
 */
class FilterSecuresPackageResponsesTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static JettyWebApp app;
    static WssGate client;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), CLIENT.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  signed:
                    paths: [/swa/*, /mtom/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        parts: [Body, Timestamp, Attachments]
                  sealed:
                    paths: [/sealed/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        parts: [Body, Timestamp, Attachments]
                      encryption:
                        recipient-certificate: %4$s
                        parts: [Attachments]
                """.formatted(ca, serverKey, serverCert, clientCert));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), PackageResponderServlet.class);
        TrustConfig trust = new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of());
        DecryptionPolicy d = DecryptionPolicy.disabled();
        KeySource clientPair = new KeySource.PemKeyPair(clientKey, clientCert, Optional.empty());
        client = WssGate.create(WssGateConfig.of(PolicyConfig.builder("client").path("/client").trust(trust)
                .attachments(AttachmentPolicy.allowed())
                .decryption(new DecryptionPolicy(Optional.of(clientPair), d.keyTransportAlgorithms(), d.dataAlgorithms()))
                .outbound(new OutboundPolicy(Optional.of(Duration.ofMinutes(5)), Optional.empty(),
                        Optional.of(new io.wssgate.config.OutboundSigning(clientPair, io.wssgate.config.KeyIdentifier.BST,
                                Optional.empty(), io.wssgate.config.AlgorithmPolicy.SHA256,
                                io.wssgate.config.AlgorithmPolicy.EXC_C14N, true, true, false, List.of(), false)),
                        Optional.empty(), false)).build()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        client.close();
    }

    /** A signed request from the WSS Gate client; the response as it came over HTTP. */
    static HttpResponse<byte[]> call(ClientCall call, String path) throws Exception {
        return app.post(path, call.secureRequest(TestMessages.soap11().build()), SecuredApp.SOAP11);
    }

    static InboundOutcome accept(ClientCall call, HttpResponse<byte[]> response, byte[] body) throws IOException {
        return call.acceptResponse(new ByteArrayInputStream(body), body.length,
                response.headers().firstValue("Content-Type").orElseThrow());
    }

    static final String REPORT = new String(PackageResponderServlet.REPORT, StandardCharsets.ISO_8859_1);

    @Test
    void aSignedSwaResponseKeepsItsPackageAndTheClientVerifiesIt() throws Exception {
        ClientCall call = new ClientCall(client.policy("client").orElseThrow());
        HttpResponse<byte[]> response = call(call, "/swa/report");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/related")
                .contains("boundary=");
        String text = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("URI=\"cid:report@wssgate.test\"").contains(REPORT);

        assertThat(ApplicationBodies.read(accept(call, response, response.body()))).contains(REPORT);
    }

    @Test
    void aSignedAndEncryptedSwaResponseIsDecryptedByTheClient() throws Exception {
        ClientCall call = new ClientCall(client.policy("client").orElseThrow());
        HttpResponse<byte[]> response = call(call, "/sealed/report");

        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF")
                .contains("Attachment-Content-Only");
        assertThat(ApplicationBodies.read(accept(call, response, response.body()))).contains(REPORT)
                .contains("Content-Type: application/pdf");
    }

    @Test
    void anMtomResponseIsSignedOverItsXopContent() throws Exception {
        ClientCall call = new ClientCall(client.policy("client").orElseThrow());
        HttpResponse<byte[]> response = call(call, "/mtom/report");

        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).contains("xop:Include")
                .contains("application/xop+xml").doesNotContain("URI=\"cid:");
        assertThat(ApplicationBodies.read(accept(call, response, response.body()))).contains(REPORT);
    }

    @Test
    void aResponseAttachmentChangedOnTheWayIsRefusedByTheClient() throws Exception {
        ClientCall call = new ClientCall(client.policy("client").orElseThrow());
        HttpResponse<byte[]> response = call(call, "/swa/report");
        byte[] tampered = new String(response.body(), StandardCharsets.ISO_8859_1)
                .replace("the lab report", "a forged report").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(accept(call, response, tampered)).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void aLargeResponseIsSpooledAndSentSigned() throws Exception {
        ClientCall call = new ClientCall(client.policy("client").orElseThrow());
        HttpResponse<byte[]> response = call(call, "/swa/large-report");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length).isGreaterThan(PackageResponderServlet.LARGE.length);
        // the whole attachment, verified, as the client's application reads it
        assertThat(ApplicationBodies.read(accept(call, response, response.body())))
                .contains(new String(PackageResponderServlet.LARGE, StandardCharsets.ISO_8859_1));
    }
}
