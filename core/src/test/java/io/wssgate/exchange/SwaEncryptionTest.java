package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.SwaMessages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SwA encrypted attachments (OASIS WSS SwA Profile 1.1 Attachment-Content-Only and
 * Attachment-Complete), signed then encrypted by WSS4J as an independent sender: decrypted
 * into the package the application reads, and every way of getting them wrong refused.
 */
class SwaEncryptionTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final TestKeys.Identity OTHER = KEYS.issue("someone-else");
    static final byte[] PDF = "%PDF-1.7 a confidential document\r\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] XML = "<invoice xmlns=\"urn:test\"><total>42</total></invoice>".getBytes(StandardCharsets.UTF_8);
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        TrustConfig trust = new TrustConfig(List.of(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())),
                Optional.empty(), List.of(), List.of());
        Optional<KeySource> key = Optional.of(new KeySource.PemKeyPair(
                TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey()),
                TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate()), Optional.empty()));
        DecryptionPolicy d = DecryptionPolicy.disabled();
        DecryptionPolicy decryption = new DecryptionPolicy(key, d.keyTransportAlgorithms(),
                Set.of(DecryptionPolicy.AES256_GCM, DecryptionPolicy.AES128_GCM, WSConstants.AES_128));
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("swa").path("/swa").trust(trust).decryption(decryption)
                        .attachments(AttachmentPolicy.allowed()).build(),
                PolicyConfig.builder("sealed").path("/sealed").trust(trust).decryption(decryption)
                        .attachments(new AttachmentPolicy(true, 10, 1 << 20, 4 << 20, true, true)).build()));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static InboundOutcome receive(String path, SwaMessages.Package pkg) throws Exception {
        ServerExchange exchange = new ServerExchange(gate.policyFor(path).orElseThrow());
        return exchange.receive(new ByteArrayInputStream(pkg.body()), pkg.body().length, pkg.contentType(),
                Delivery.http("http://localhost" + path, "127.0.0.1"));
    }

    static String applicationBody(String path, SwaMessages.Package pkg) throws Exception {
        InboundOutcome outcome = receive(path, pkg);
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        try (InputStream in = accepted.openApplicationBody()) {
            byte[] body = in.readAllBytes();
            assertThat((long) body.length).isEqualTo(accepted.applicationBodyLength());
            return new String(body, StandardCharsets.ISO_8859_1);
        } finally {
            accepted.release();
        }
    }

    static void assertRejected(String path, SwaMessages.Package pkg, FaultCode code) throws Exception {
        assertThat(receive(path, pkg)).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(code));
    }

    static SwaMessages twoDocuments() {
        return SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("invoice@test", "text/xml", XML);
    }

    @Test
    void contentOnlyEncryptedAttachmentsReachTheApplicationDecryptedWithTheirTypes() throws Exception {
        SwaMessages.Package pkg = twoDocuments().encryptFor(SERVER.certificate(), false).build();
        String sent = new String(pkg.body(), StandardCharsets.ISO_8859_1);
        assertThat(sent).doesNotContain("confidential").doesNotContain("<total>")
                .contains("Attachment-Content-Only").contains("CipherReference");

        String body = applicationBody("/swa", pkg);

        assertThat(body).contains(new String(PDF, StandardCharsets.ISO_8859_1))
                .contains(new String(XML, StandardCharsets.ISO_8859_1))
                .contains("Content-Type: application/pdf").contains("Content-Type: text/xml")
                .contains("Content-ID: <doc@test>").doesNotContain("application/octet-stream");
    }

    @Test
    void completeEncryptedAttachmentsGetTheirEncryptedHeadersBack() throws Exception {
        SwaMessages.Package pkg = twoDocuments().completeTransform().encryptFor(SERVER.certificate(), true).build();
        // the part's own headers travel encrypted: on the wire it is an octet stream
        assertThat(new String(pkg.body(), StandardCharsets.ISO_8859_1)).contains("Attachment-Complete")
                .contains("Content-Type: application/octet-stream\r\nContent-ID: <doc@test>")
                .doesNotContain("Content-Type: application/pdf");

        String body = applicationBody("/swa", pkg);

        assertThat(body).contains(new String(PDF, StandardCharsets.ISO_8859_1)).contains("Content-Type: application/pdf")
                .contains("Content-ID: <doc@test>").doesNotContain("application/octet-stream");
    }

    @Test
    void cbcEncryptedAttachmentsAreDecryptedWhereThePolicyAllowsCbc() throws Exception {
        String body = applicationBody("/swa", twoDocuments().encryptionAlgorithm(WSConstants.AES_128)
                .encryptFor(SERVER.certificate(), false).build());
        assertThat(body).contains(new String(PDF, StandardCharsets.ISO_8859_1));
    }

    @Test
    void requireEncryptedAcceptsEncryptedAttachmentsAndRefusesOneInClear() throws Exception {
        assertThat(applicationBody("/sealed", twoDocuments().encryptFor(SERVER.certificate(), false).build()))
                .contains(new String(XML, StandardCharsets.ISO_8859_1));

        assertRejected("/sealed", twoDocuments().leaveInClear("invoice@test").encryptFor(SERVER.certificate(), false)
                .build(), FaultCode.FAILED_CHECK);
        assertRejected("/sealed", twoDocuments().build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void anAttachmentEncryptedForAnotherRecipientIsRefused() throws Exception {
        assertRejected("/swa", twoDocuments().encryptFor(OTHER.certificate(), false).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void swappedCipherReferencesAreRefused() throws Exception {
        // only the CipherReferences: each part is still decrypted from its own ciphertext but gets the
        // other EncryptedData's MimeType as its Content-Type, which the Attachment-Complete signature covers
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("invoice@test", "text/plain", XML).completeTransform()
                .encryptFor(SERVER.certificate(), false).editEnvelope(e -> e
                .replace("CipherReference URI=\"cid:doc@test\"", "CipherReference URI=\"cid:TMP\"")
                .replace("CipherReference URI=\"cid:invoice@test\"", "CipherReference URI=\"cid:doc@test\"")
                .replace("CipherReference URI=\"cid:TMP\"", "CipherReference URI=\"cid:invoice@test\"")).build();
        assertThat(pkg.envelopeText()).contains("CipherReference URI=\"cid:invoice@test\"");
        assertRejected("/swa", pkg, FaultCode.FAILED_CHECK);
    }

    @Test
    void anEncryptedButUnsignedAttachmentIsRefusedWhereSigningIsRequired() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attachUnsigned("extra@test", "application/pdf", PDF).encryptFor(SERVER.certificate(), false).build();
        assertRejected("/swa", pkg, FaultCode.FAILED_CHECK);
    }

    @Test
    void aDamagedCiphertextIsRefusedLikeAnyDecryptionFailure() throws Exception {
        SwaMessages m = twoDocuments().encryptFor(SERVER.certificate(), false);
        SwaMessages.Package good = m.build();
        // flip one ciphertext byte of the PDF's part (past its IV): the GCM tag no longer matches
        byte[] body = good.body().clone();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("Content-ID: <doc@test>");
        int content = text.indexOf("\r\n\r\n", part) + 4;
        body[content + 20] ^= 1;
        assertRejected("/swa", new SwaMessages.Package(body, good.contentType(), good.envelope()),
                FaultCode.FAILED_CHECK);
    }

    @Test
    void aCipherReferenceToAMissingPartIsRefused() throws Exception {
        SwaMessages.Package pkg = twoDocuments().encryptFor(SERVER.certificate(), false)
                .editEnvelope(e -> e.replace("CipherReference URI=\"cid:doc@test\"",
                        "CipherReference URI=\"cid:nowhere@test\"")).build();
        assertThat(pkg.envelopeText()).contains("cid:nowhere@test");
        assertRejected("/swa", pkg, FaultCode.FAILED_CHECK);
    }
}
