package io.wssgate.spring.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.SwaMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring-WS endpoint reading its SwA attachments behind the WSS Gate starter, the policy given
 * as Spring Boot properties ({@code wssgate.policies.documents.attachments.*}): a signed package
 * and a signed, then encrypted one reach the endpoint, which reads each attachment (decrypted)
 * through Spring-WS's own SoapMessage; a tampered, unsigned or malformed one gets its WS-Security
 * fault and the endpoint never runs.
 */
@SpringBootTest(classes = SpringWsAttachmentsApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringWsAttachmentsTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final byte[] PDF = "%PDF-1.7 a signed document\r\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final String BODY = "<d:upload xmlns:d=\"" + SpringWsAttachmentsApp.NS + "\"/>";

    @LocalServerPort
    int port;
    int invocationsBefore;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("wssgate-spring-attachments");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        registry.add("wssgate.policies.documents.paths", () -> "/documents/*");
        registry.add("wssgate.policies.documents.trust.certificates", ca::toString);
        registry.add("wssgate.policies.documents.decryption.key.private-key", serverKey::toString);
        registry.add("wssgate.policies.documents.decryption.key.certificate", serverCert::toString);
        registry.add("wssgate.policies.documents.attachments.enabled", () -> "true");
        registry.add("wssgate.policies.documents.attachments.max-parts", () -> "3");
        registry.add("wssgate.policies.documents.attachments.max-part-size", () -> "1MB");
        // responses signed, their SwA attachments included
        registry.add("wssgate.policies.documents.outbound.timestamp.ttl", () -> "5m");
        registry.add("wssgate.policies.documents.outbound.signature.key.private-key", serverKey::toString);
        registry.add("wssgate.policies.documents.outbound.signature.key.certificate", serverCert::toString);
        registry.add("wssgate.policies.documents.outbound.signature.parts", () -> "Body,Timestamp,Attachments");
        client = io.wssgate.WssGate.create(io.wssgate.config.WssGateConfig.of(io.wssgate.config.PolicyConfig
                .builder("client").path("/client").trust(new io.wssgate.config.TrustConfig(java.util.List.of(ca),
                        java.util.Optional.empty(), java.util.List.of(), java.util.List.of()))
                .attachments(io.wssgate.config.AttachmentPolicy.allowed()).build()));
    }

    static io.wssgate.WssGate client;

    @org.junit.jupiter.api.AfterAll
    static void closeClient() {
        client.close();
    }

    /**
     * The endpoint answers with an SwA attachment: the starter's filter signs it with the envelope
     * and sends the package as Spring-WS wrote it; a WSS Gate client verifies it, and refuses it
     * with the attachment changed on the way.
     */
    @Test
    void theResponsesAttachmentIsSignedAndTheClientVerifiesIt() throws Exception {
        byte[] request = io.wssgate.testing.TestMessages.soap11("<d:report xmlns:d=\"" + SpringWsAttachmentsApp.NS
                + "\"/>").timestamp(java.time.Duration.ofMinutes(5)).signWith(CLIENT, io.wssgate.testing.KeyIdType.BST)
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/documents/report")).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String text = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(response.statusCode()).as(text).isEqualTo(200);
        assertThat(contentType).startsWith("multipart/related");
        assertThat(text).contains("URI=\"cid:report@test\"");

        io.wssgate.exchange.ClientCall call = new io.wssgate.exchange.ClientCall(client.policy("client").orElseThrow());
        assertThat(io.wssgate.testing.mime.ApplicationBodies.read(call.acceptResponse(
                new java.io.ByteArrayInputStream(response.body()), -1, contentType)))
                .contains(new String(SpringWsAttachmentsApp.REPORT, StandardCharsets.ISO_8859_1));
        byte[] tampered = text.replace("the report", "a forged report").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(call.acceptResponse(new java.io.ByteArrayInputStream(tampered), -1, contentType))
                .isInstanceOfSatisfying(io.wssgate.InboundOutcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(io.wssgate.fault.FaultCode.FAILED_CHECK));
    }

    @BeforeEach
    void count() {
        invocationsBefore = SpringWsAttachmentsApp.DocumentEndpoint.INVOCATIONS.get();
    }

    HttpResponse<String> post(SwaMessages.Package pkg) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/documents/upload")).header("Content-Type", pkg.contentType()).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theEndpointReadsTheSignedAttachments() throws Exception {
        byte[] notes = "line one\r\nline two".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = post(SwaMessages.signedBy(CLIENT).body(BODY)
                .attach("doc@test", "application/pdf", PDF).attach("notes@test", "text/plain", notes).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + CLIENT_DN + ";attachments={doc@test=application/pdf sha256="
                + sha256(PDF) + ", notes@test=text/plain sha256=" + sha256(notes) + "}");
    }

    @Test
    void theEndpointReadsAnEncryptedAttachmentDecrypted() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).body(BODY).attach("doc@test", "application/pdf", PDF)
                .encryptFor(SERVER.certificate(), false).build();
        assertThat(new String(pkg.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        HttpResponse<String> response = post(pkg);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + CLIENT_DN + ";attachments={doc@test=application/pdf sha256="
                + sha256(PDF) + "}");
    }

    @Test
    void aTamperedAttachmentNeverReachesTheEndpoint() throws Exception {
        assertRefused(post(SwaMessages.signedBy(CLIENT).body(BODY).attach("doc@test", "application/pdf", PDF)
                .replaceAfterSigning("doc@test", "%PDF-1.7 forged".getBytes(StandardCharsets.US_ASCII)).build()),
                "FailedCheck");
    }

    @Test
    void anUnsignedAttachmentNeverReachesTheEndpoint() throws Exception {
        assertRefused(post(SwaMessages.signedBy(CLIENT).body(BODY).attach("doc@test", "application/pdf", PDF)
                .attachUnsigned("extra@test", "application/pdf", PDF).build()), "FailedCheck");
    }

    @Test
    void aDuplicateContentIdNeverReachesTheEndpoint() throws Exception {
        assertRefused(post(SwaMessages.signedBy(CLIENT).body(BODY).attach("doc@test", "application/pdf", PDF)
                .andThen(m -> m.attachment("doc@test", "application/pdf", PDF)).build()), "InvalidSecurity");
    }

    private void assertRefused(HttpResponse<String> response, String fault) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(":" + fault + "<").doesNotContain("principal=");
        assertThat(SpringWsAttachmentsApp.DocumentEndpoint.INVOCATIONS.get()).as("the endpoint never ran")
                .isEqualTo(invocationsBefore);
    }
}
