package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundSigning;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.Multipart;
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
 * A client policy whose {@code outbound.signature.parts} lists Attachments signs every SwA
 * attachment it sends ({@link ClientCall#secureRequest(byte[], List)}); a receiving policy with
 * attachments accepts the package, and refuses it when an attachment is changed in transit.
 */
class SwaOutboundTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final byte[] PDF = "%PDF-1.7 sent by WSS Gate".getBytes(StandardCharsets.US_ASCII);
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path cert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), CLIENT.privateKey());
        KeySource clientKey = new KeySource.PemKeyPair(key, cert, Optional.empty());
        OutboundSigning signing = new OutboundSigning(clientKey, KeyIdentifier.BST, Optional.empty(),
                AlgorithmPolicy.SHA256, AlgorithmPolicy.EXC_C14N, true, true, false, List.of(), true);
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        io.wssgate.config.OutboundEncryption sealing = io.wssgate.config.OutboundEncryption.to(serverCert)
                .withEncryptedAttachments(true);
        io.wssgate.config.DecryptionPolicy d = io.wssgate.config.DecryptionPolicy.disabled();
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("sender").path("/client").outbound(new OutboundPolicy(
                        Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.of(signing), Optional.empty(),
                        false)).build(),
                PolicyConfig.builder("sealer").path("/sealer").outbound(new OutboundPolicy(
                        Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.of(signing), Optional.of(sealing),
                        false)).build(),
                PolicyConfig.builder("attachments-only").path("/attachments-only").outbound(new OutboundPolicy(
                        Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.of(signing),
                        Optional.of(new io.wssgate.config.OutboundEncryption(serverCert,
                                io.wssgate.config.KeyIdentifier.ISSUER_SERIAL, io.wssgate.config.DecryptionPolicy.AES256_GCM,
                                io.wssgate.config.DecryptionPolicy.RSA_OAEP, false, List.of(), false, true)),
                        false)).build(),
                PolicyConfig.builder("receiver").path("/service")
                        .trust(new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of()))
                        .attachments(AttachmentPolicy.allowed()).build(),
                PolicyConfig.builder("sealed-receiver").path("/sealed-service")
                        .trust(new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of()))
                        .decryption(new io.wssgate.config.DecryptionPolicy(Optional.of(new KeySource.PemKeyPair(
                                serverKey, serverCert, Optional.empty())), d.keyTransportAlgorithms(),
                                d.dataAlgorithms()))
                        .attachments(new AttachmentPolicy(true, 10, 1 << 20, 4 << 20, true, true)).build()));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static byte[] signedEnvelope(AtomicInteger opened) throws Exception {
        OutboundAttachment attachment = new OutboundAttachment("doc@wssgate.test", "application/pdf", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(PDF);
        });
        return new ClientCall(gate.policy("sender").orElseThrow())
                .secureRequest(TestMessages.soap11().build(), List.of(attachment));
    }

    static InboundOutcome receive(byte[] envelope, byte[] attachment) throws Exception {
        Multipart mime = new Multipart().root(envelope).attachment("doc@wssgate.test", "application/pdf", attachment)
                .close();
        return new ServerExchange(gate.policy("receiver").orElseThrow()).receive(
                new ByteArrayInputStream(mime.bytes()), -1, mime.contentType(), Delivery.unknown());
    }

    @Test
    void theAttachmentIsSignedAndTheReceiverAcceptsIt() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        byte[] envelope = signedEnvelope(opened);
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("URI=\"cid:doc@wssgate.test\"")
                .contains("Attachment-Content-Signature-Transform");
        assertThat(opened.get()).as("the attachment was read from its source, not kept").isPositive();

        InboundOutcome outcome = receive(envelope, PDF);

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().getName()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
            a.release();
        });
    }

    @Test
    void anEncryptingClientSendsTheAttachmentsCiphertextAndTheReceiverDecryptsIt() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        OutboundAttachment attachment = new OutboundAttachment("doc@wssgate.test", "application/pdf", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(PDF);
        });
        ClientCall call = new ClientCall(gate.policy("sealer").orElseThrow());
        byte[] envelope = call.secureRequest(TestMessages.soap11().build(), List.of(attachment));
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("Attachment-Content-Only")
                .contains("CipherReference URI=\"cid:doc@wssgate.test\"").contains("MimeType=\"application/pdf\"");
        OutboundAttachment sent = call.sentAttachments().get(0);
        assertThat(sent.contentId()).isEqualTo("doc@wssgate.test");
        assertThat(sent.contentType()).isEqualTo("application/octet-stream");
        byte[] ciphertext;
        try (java.io.InputStream in = sent.content().open()) {
            ciphertext = in.readAllBytes();
        }
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        Multipart mime = new Multipart().root(envelope).attachment("doc@wssgate.test", "application/octet-stream",
                ciphertext).close();
        // a receiver that refuses any attachment that did not arrive encrypted
        InboundOutcome outcome = new ServerExchange(gate.policy("sealed-receiver").orElseThrow()).receive(
                new ByteArrayInputStream(mime.bytes()), -1, mime.contentType(), Delivery.unknown());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            try (java.io.InputStream in = a.openApplicationBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(body).contains("Content-Type: application/pdf").contains(new String(PDF,
                        StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                a.release();
            }
        });
    }

    @Test
    void encryptionOfAttachmentsOnlyLeavesARequestWithoutAttachmentsInClear() throws Exception {
        // WSS4J, given no part at all, would encrypt the Body: the policy names only Attachments
        byte[] envelope = new ClientCall(gate.policy("attachments-only").orElseThrow())
                .secureRequest(TestMessages.soap11().build(), List.of());
        assertThat(new String(envelope, StandardCharsets.UTF_8)).doesNotContain("EncryptedData")
                .doesNotContain("EncryptedKey").contains("Signature");
    }

    @Test
    void anAttachmentChangedInTransitIsRefused() throws Exception {
        InboundOutcome outcome = receive(signedEnvelope(new AtomicInteger()),
                "%PDF-1.7 changed on the way".getBytes(StandardCharsets.US_ASCII));
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }
}
