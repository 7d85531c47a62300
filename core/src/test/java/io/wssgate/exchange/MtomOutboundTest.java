package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundEncryption;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundSigning;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.XopUpload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client sends MTOM: its envelope keeps the {@code xop:Include} and the signature over the Body
 * covers the attachment's base64 as XOP says (digested while streaming the attachment); a
 * receiving policy accepts the package, and refuses it when the attachment changed on the way.
 * Encrypting MTOM content is refused rather than leaving the attachment in the clear.
 */
class MtomOutboundTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final byte[] SCAN = "%PDF-1.7 a scanned referral, sent as MTOM".getBytes(StandardCharsets.US_ASCII);
    static final String XOP_BODY = XopUpload.BODY;
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path cert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), CLIENT.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        OutboundSigning signing = new OutboundSigning(new KeySource.PemKeyPair(key, cert, Optional.empty()),
                KeyIdentifier.BST, Optional.empty(), AlgorithmPolicy.SHA256, AlgorithmPolicy.EXC_C14N, true, true,
                false, List.of(), true);
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("sender").path("/client").outbound(new OutboundPolicy(
                        Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.of(signing), Optional.empty(),
                        false)).build(),
                PolicyConfig.builder("sealer").path("/sealer").outbound(new OutboundPolicy(
                        Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.of(signing),
                        Optional.of(OutboundEncryption.to(serverCert)), false)).build(),
                PolicyConfig.builder("receiver").path("/service")
                        .trust(new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of()))
                        .attachments(AttachmentPolicy.allowed()).build()));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static OutboundAttachment scan(AtomicInteger opened) {
        return new OutboundAttachment("scan@wssgate.test", "application/pdf", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(SCAN);
        });
    }

    static InboundOutcome receive(byte[] envelope, byte[] attachment) throws Exception {
        Multipart mime = XopUpload.sent(envelope, attachment);
        return new ServerExchange(gate.policy("receiver").orElseThrow()).receive(
                new ByteArrayInputStream(mime.bytes()), -1, mime.contentType(), Delivery.unknown());
    }

    @Test
    void theSignatureCoversTheXopContentAndTheReceiverAcceptsIt() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        byte[] envelope = new ClientCall(gate.policy("sender").orElseThrow())
                .secureRequest(TestMessages.soap11(XOP_BODY).build(), List.of(scan(opened)));

        String sent = new String(envelope, StandardCharsets.UTF_8);
        assertThat(sent).as("still optimised: the attachment is not inlined").contains("xop:Include")
                .doesNotContain("URI=\"cid:").contains("Signature")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(SCAN));
        assertThat(sent).as("an MTOM part is covered through its element, not by a SwA cid: reference")
                .doesNotContain("Attachment-Content-Signature-Transform");
        assertThat(opened.get()).as("the attachment was streamed into the digest").isPositive();

        assertThat(receive(envelope, SCAN)).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().getName()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            a.release();
        });
    }

    @Test
    void anAttachmentChangedOnTheWayIsRefused() throws Exception {
        byte[] envelope = new ClientCall(gate.policy("sender").orElseThrow())
                .secureRequest(TestMessages.soap11(XOP_BODY).build(), List.of(scan(new AtomicInteger())));

        InboundOutcome outcome = receive(envelope, "%PDF-1.7 another referral, swapped".getBytes(StandardCharsets.US_ASCII));

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void aPackageTheTransportWroteIsSecuredAsItStandsAndAccepted() throws Exception {
        // as a Metro client port's MTOM encoder writes it: the envelope still unsecured, the part binary
        Multipart written = XopUpload.sent(TestMessages.soap11(XOP_BODY).build(), SCAN);
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        String contentType;
        try (io.wssgate.mime.SecuredPackage secured = new ClientCall(gate.policy("sender").orElseThrow())
                .secureRequestPackage(new ByteArrayInputStream(written.bytes()), written.bytes().length,
                        written.contentType(), Delivery.unknown())) {
            contentType = secured.contentType();
            secured.writeTo(wire);
        }

        assertThat(contentType).isEqualTo(written.contentType());
        String sent = new String(wire.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(sent).contains("xop:Include", "Signature", new String(SCAN, StandardCharsets.ISO_8859_1));
        InboundOutcome outcome = new ServerExchange(gate.policy("receiver").orElseThrow()).receive(
                new ByteArrayInputStream(wire.toByteArray()), -1, contentType, Delivery.unknown());
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().getName()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            a.release();
        });
    }

    @Test
    void whatIsNotAPackageIsNotSecuredAsOne() {
        ClientCall call = new ClientCall(gate.policy("sender").orElseThrow());
        assertThatThrownBy(() -> call.secureRequestPackage(new ByteArrayInputStream(new byte[] {'x'}), 1,
                new Multipart().contentType(), Delivery.unknown()))
                .isInstanceOf(OutboundSecurityException.class).hasMessageContaining("not a MIME package");
    }

    @Test
    void mtomContentIsNotEncryptedButRefused() {
        ClientCall call = new ClientCall(gate.policy("sealer").orElseThrow());
        assertThatThrownBy(() -> call.secureRequest(TestMessages.soap11(XOP_BODY).build(),
                List.of(scan(new AtomicInteger()))))
                .isInstanceOf(OutboundSecurityException.class).hasMessageContaining("MTOM");
    }

    @Test
    void aLargeMtomPartIsSignedWithoutItsBytesOrBase64InMemory() throws Exception {
        int size = 24_000_000;
        // generated as it is read: the attachment exists nowhere in memory as a whole
        OutboundAttachment large = new OutboundAttachment("scan@wssgate.test", "application/pdf",
                () -> new java.io.InputStream() {
                    private int left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? left & 0xFF : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = Math.min(len, left);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = (byte) (left - i - 1);
                        }
                        left -= n;
                        return n;
                    }
                });
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ClientCall warm = new ClientCall(gate.policy("sender").orElseThrow());
        warm.secureRequest(TestMessages.soap11(XOP_BODY).build(), List.of(large));

        long before = threads.getThreadAllocatedBytes(thread);
        new ClientCall(gate.policy("sender").orElseThrow()).secureRequest(TestMessages.soap11(XOP_BODY).build(),
                List.of(large));

        assertThat(threads.getThreadAllocatedBytes(thread) - before).isLessThan(size / 4);
    }
}
