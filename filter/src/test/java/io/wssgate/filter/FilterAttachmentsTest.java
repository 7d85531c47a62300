package io.wssgate.filter;

import static io.wssgate.filter.SoapResponses.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.SwaMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOAP with Attachments over HTTP through the filter declared in web.xml, configured with flat
 * init-param keys: a signed package reaches the application byte for byte as it was sent, as the
 * authenticated caller; a tampered, unsigned or malformed one gets its WS-Security fault and the
 * application never runs.
 */
class FilterAttachmentsTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final byte[] PDF = "%PDF-1.7 a signed document\r\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static JettyWebApp app;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        app = JettyWebApp.start(dir, Map.ofEntries(
                Map.entry("policies.sealed.paths", "/sealed/*"),
                Map.entry("policies.sealed.trust.certificates", ca.toString()),
                Map.entry("policies.sealed.decryption.key.private-key", serverKey.toString()),
                Map.entry("policies.sealed.decryption.key.certificate", serverCert.toString()),
                Map.entry("policies.sealed.attachments.enabled", "true"),
                Map.entry("policies.sealed.attachments.require-encrypted", "true"),
                Map.entry("policies.swa.decryption.key.private-key", serverKey.toString()),
                Map.entry("policies.swa.decryption.key.certificate", serverCert.toString()),
                Map.entry(
                "policies.swa.paths", "/swa/*"),
                Map.entry("policies.swa.trust.certificates", ca.toString()),
                Map.entry("policies.swa.attachments.enabled", "true"),
                Map.entry("policies.swa.attachments.max-parts", "3"),
                Map.entry("policies.swa.attachments.max-part-size", "64KiB"),
                Map.entry("policies.plain.paths", "/plain/*"),
                Map.entry("policies.plain.trust.certificates", ca.toString())));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    @Test
    void theApplicationReceivesTheSignedPackageAsItWasSent() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("notes@test", "text/plain", "line one\r\nline two".getBytes(StandardCharsets.US_ASCII)).build();
        HttpResponse<byte[]> response = app.post("/swa/upload", pkg.body(), pkg.contentType());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("CN=client,O=WSS Gate Test,C=DE");
        assertThat(response.body()).isEqualTo(pkg.body());
    }

    @Test
    void theApplicationReceivesEncryptedAttachmentsDecrypted() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("notes@test", "text/plain", "line one\r\nline two".getBytes(StandardCharsets.US_ASCII))
                .encryptFor(SERVER.certificate(), false).build();
        assertThat(new String(pkg.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF").doesNotContain("line two");

        HttpResponse<byte[]> response = app.post("/sealed/upload", pkg.body(), pkg.contentType());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("CN=client,O=WSS Gate Test,C=DE");
        String received = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(received).contains("Content-Type: application/pdf\r\nContent-ID: <doc@test>\r\n\r\n"
                + new String(PDF, StandardCharsets.ISO_8859_1) + "\r\n--")
                .contains("line one\r\nline two").doesNotContain("application/octet-stream")
                .doesNotContain("CipherReference");
    }

    @Test
    void anAttachmentInClearWhereEncryptionIsRequired() throws Exception {
        rejected("/sealed/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build(),
                FaultCode.FAILED_CHECK);
    }

    @Test
    void anEncryptedAttachmentThatIsNotSigned() throws Exception {
        rejected("/sealed/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attachUnsigned("extra@test", "application/pdf", PDF).encryptFor(SERVER.certificate(), false).build(),
                FaultCode.FAILED_CHECK);
    }

    @Test
    void encryptedAttachmentsWithSwappedCipherReferences() throws Exception {
        // each part is decrypted from its own ciphertext but labelled with the other's type, which the
        // Attachment-Complete signature covers
        rejected("/swa/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("notes@test", "text/plain", "notes".getBytes(StandardCharsets.US_ASCII)).completeTransform()
                .encryptFor(SERVER.certificate(), false).editEnvelope(e -> e
                        .replace("CipherReference URI=\"cid:doc@test\"", "CipherReference URI=\"cid:TMP\"")
                        .replace("CipherReference URI=\"cid:notes@test\"", "CipherReference URI=\"cid:doc@test\"")
                        .replace("CipherReference URI=\"cid:TMP\"", "CipherReference URI=\"cid:notes@test\""))
                .build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void attachmentSwappedAfterSigning() throws Exception {
        rejected("/swa/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .replaceAfterSigning("doc@test", "%PDF-1.7 forged".getBytes(StandardCharsets.US_ASCII)).build(),
                FaultCode.FAILED_CHECK);
    }

    @Test
    void unsignedExtraPart() throws Exception {
        rejected("/swa/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attachUnsigned("extra@test", "application/pdf", PDF).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void duplicateContentId() throws Exception {
        rejected("/swa/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .andThen(m -> m.attachment("doc@test", "application/pdf", PDF)).build(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aPartOverTheLimit() throws Exception {
        rejected("/swa/upload", SwaMessages.signedBy(CLIENT).attach("big@test", "application/octet-stream",
                new byte[65 * 1024]).build(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aPackageWhereThePolicyDoesNotAllowAttachments() throws Exception {
        rejected("/plain/upload", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build(),
                FaultCode.INVALID_SECURITY);
    }

    @Test
    void aTruncatedPackage() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build();
        byte[] truncated = new Multipart().root(pkg.envelope()).attachment("doc@test", "application/pdf", PDF).bytes();
        HttpResponse<byte[]> response = app.post("/swa/upload", truncated, pkg.contentType());
        assertRejectedResponse(response, FaultCode.INVALID_SECURITY);
    }

    private void rejected(String path, SwaMessages.Package pkg, FaultCode code) throws Exception {
        assertRejectedResponse(app.post(path, pkg.body(), pkg.contentType()), code);
    }

    private void assertRejectedResponse(HttpResponse<byte[]> response, FaultCode code) {
        assertFault(response, code);
        assertThat(response.headers().firstValue("X-Principal")).as("no principal reached the application").isEmpty();
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(invocationsBefore);
    }
}
