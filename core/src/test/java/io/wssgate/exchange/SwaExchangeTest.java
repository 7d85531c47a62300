package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.SwaMessages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOAP with Attachments through the server exchange every transport uses: signed attachments
 * (WSS SwA Profile 1.1 transforms, cid: references) accepted and handed to the application as
 * they arrived; every attachment that is not exactly what a trusted signature covered refused.
 */
class SwaExchangeTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final byte[] PDF = "%PDF-1.7 a signed document".getBytes(StandardCharsets.US_ASCII);
    static final byte[] XML = "<invoice xmlns=\"urn:test\"><total>42</total></invoice>".getBytes(StandardCharsets.UTF_8);
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        TrustConfig trust = new TrustConfig(List.of(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())),
                Optional.empty(), List.of(), List.of());
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("swa").path("/swa").trust(trust).attachments(AttachmentPolicy.allowed()).build(),
                PolicyConfig.builder("unsigned-ok").path("/lax").trust(trust)
                        .attachments(new AttachmentPolicy(true, 10, 1 << 20, 4 << 20, false)).build(),
                PolicyConfig.builder("plain").path("/plain").trust(trust).build()));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static InboundOutcome receive(String path, byte[] body, String contentType) throws Exception {
        ServerExchange exchange = new ServerExchange(gate.policyFor(path).orElseThrow());
        return exchange.receive(new ByteArrayInputStream(body), body.length, contentType,
                Delivery.http("http://localhost" + path, "127.0.0.1"));
    }

    static InboundOutcome.Accepted accepted(String path, SwaMessages.Package pkg) throws Exception {
        InboundOutcome outcome = receive(path, pkg.body(), pkg.contentType());
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        return (InboundOutcome.Accepted) outcome;
    }

    static void assertRejected(String path, SwaMessages.Package pkg, FaultCode code) throws Exception {
        assertRejected(path, pkg.body(), pkg.contentType(), code);
    }

    static void assertRejected(String path, byte[] body, String contentType, FaultCode code) throws Exception {
        InboundOutcome outcome = receive(path, body, contentType);
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(code));
    }

    @Test
    void signedAttachmentsAreAcceptedAndTheApplicationGetsThePackageAsItArrived() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attach("invoice@test", "text/xml", XML).build();
        InboundOutcome.Accepted accepted = accepted("/swa", pkg);
        try {
            assertThat(accepted.principal().getName()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            assertThat(accepted.mime()).isPresent();
            assertThat(accepted.applicationBodyLength()).isEqualTo(pkg.body().length);
            try (InputStream in = accepted.openApplicationBody()) {
                assertThat(in.readAllBytes()).isEqualTo(pkg.body());
            }
        } finally {
            accepted.release();
        }
    }

    @Test
    void attachmentCompleteTransformCoversHeadersToo() throws Exception {
        accepted("/swa", SwaMessages.signedBy(CLIENT).completeTransform()
                .attach("doc@test", "application/pdf", PDF).build()).release();
    }

    @Test
    void attachmentSwappedAfterSigning() throws Exception {
        assertRejected("/swa", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .replaceAfterSigning("doc@test", "%PDF-1.7 another document".getBytes(StandardCharsets.US_ASCII))
                .build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void contentIdsSwappedBetweenSignedAttachments() throws Exception {
        byte[] other = "%PDF-1.7 the other one".getBytes(StandardCharsets.US_ASCII);
        assertRejected("/swa", SwaMessages.signedBy(CLIENT).attach("a@test", "application/pdf", PDF)
                .attach("b@test", "application/pdf", other)
                .replaceAfterSigning("a@test", other).replaceAfterSigning("b@test", PDF).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void anUnsignedExtraPartIsRefusedWhenSigningIsRequired() throws Exception {
        SwaMessages unsigned = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .attachUnsigned("extra@test", "application/octet-stream", new byte[] {1, 2, 3});
        assertRejected("/swa", unsigned.build(), FaultCode.FAILED_CHECK);
        // attachments.require-signed: false is the explicit loosening
        accepted("/lax", unsigned.build()).release();
    }

    @Test
    void aPartAddedAfterSigningIsAnUnsignedPart() throws Exception {
        assertRejected("/swa", SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF)
                .andThen(m -> m.attachment("added@test", "application/pdf", PDF)).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void aReferenceToAMissingPart() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build();
        byte[] withoutIt = new Multipart().root(pkg.envelope()).close().bytes();
        assertRejected("/swa", withoutIt, new Multipart().contentType(), FaultCode.FAILED_CHECK);
    }

    @Test
    void anAttachmentReferenceInAPlainMessage() throws Exception {
        byte[] envelope = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).envelope();
        assertRejected("/swa", envelope, "text/xml; charset=UTF-8", FaultCode.INVALID_SECURITY);
    }

    @Test
    void withoutAttachmentsEnabledAPackageIsRefused() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build();
        assertRejected("/plain", pkg, FaultCode.INVALID_SECURITY);
    }

    @Test
    void anXmlAttachmentWithADoctypeIsRefusedBeforeItIsCanonicalized() throws Exception {
        byte[] doctype = ("<!DOCTYPE invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<invoice xmlns=\"urn:test\">&x;</invoice>").getBytes(StandardCharsets.UTF_8);
        // the sender signs it as an opaque stream; the receiver must canonicalize text/xml
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("invoice@test", "application/octet-stream", XML)
                .build();
        String body = new String(pkg.body(), StandardCharsets.ISO_8859_1)
                .replace("Content-Type: application/octet-stream", "Content-Type: text/xml")
                .replace(new String(XML, StandardCharsets.ISO_8859_1), new String(doctype, StandardCharsets.ISO_8859_1));
        assertRejected("/swa", body.getBytes(StandardCharsets.ISO_8859_1), pkg.contentType(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void anAttachmentReferenceNeedsExactlyOneSwaTransform() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("doc@test", "application/pdf", PDF).build();
        String envelope = pkg.envelopeText().replace(
                "Algorithm=\"http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform\"",
                "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"");
        assertThat(envelope).isNotEqualTo(pkg.envelopeText());
        byte[] body = new Multipart().root(envelope.getBytes(StandardCharsets.UTF_8))
                .attachment("doc@test", "application/pdf", PDF).close().bytes();
        assertRejected("/swa", body, new Multipart().contentType(), FaultCode.UNSUPPORTED_ALGORITHM);
    }
}
