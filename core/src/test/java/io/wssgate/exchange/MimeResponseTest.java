package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.DecryptionPolicy;
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
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.ApplicationBodies;
import io.wssgate.testing.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose application answers with a MIME package (SwA or MTOM) sends it secured
 * ({@link ServerExchange#replyPackage}): the same boundary and parts, the envelope signed over
 * the attachments (and encrypting them where configured). The WSS Gate client validates such a
 * response as a server validates a request ({@link ClientCall#acceptResponse(InputStream, long,
 * String)}), and refuses it when an attachment changed on the way.
 */
class MimeResponseTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final byte[] REPORT = "%PDF-1.7 the lab report, answered as an attachment".getBytes(StandardCharsets.US_ASCII);
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        TrustConfig trust = new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of());
        KeySource clientKey = pair(dir, "client", CLIENT);
        KeySource serverKey = pair(dir, "server", SERVER);
        Path clientCert = dir.resolve("client.pem");
        DecryptionPolicy d = DecryptionPolicy.disabled();
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("client").path("/client").trust(trust).attachments(AttachmentPolicy.allowed())
                        .outbound(outbound(clientKey, Optional.empty())).build(),
                PolicyConfig.builder("sealed-client").path("/sealed-client").trust(trust)
                        .attachments(new AttachmentPolicy(true, 10, 1 << 20, 4 << 20, true, true))
                        .decryption(new DecryptionPolicy(Optional.of(clientKey), d.keyTransportAlgorithms(),
                                d.dataAlgorithms()))
                        .outbound(outbound(clientKey, Optional.empty())).build(),
                PolicyConfig.builder("server").path("/service").trust(trust)
                        .outbound(outbound(serverKey, Optional.empty())).build(),
                PolicyConfig.builder("sealing-server").path("/sealing-service").trust(trust)
                        .outbound(outbound(serverKey, Optional.of(OutboundEncryption.to(clientCert)
                                .withEncryptedAttachments(true)))).build()));
    }

    private static KeySource pair(Path dir, String name, TestKeys.Identity identity) throws Exception {
        Path cert = TestKeys.writePem(dir.resolve(name + ".pem"), identity.certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve(name + "-key.pem"), identity.privateKey());
        return new KeySource.PemKeyPair(key, cert, Optional.empty());
    }

    private static OutboundPolicy outbound(KeySource key, Optional<OutboundEncryption> encryption) {
        return new OutboundPolicy(Optional.of(Duration.ofMinutes(5)), Optional.empty(),
                Optional.of(new OutboundSigning(key, KeyIdentifier.BST, Optional.empty(), AlgorithmPolicy.SHA256,
                        AlgorithmPolicy.EXC_C14N, true, true, false, List.of(), true)), encryption, false);
    }

    /** The client's request, accepted by the server policy; the application's SwA answer secured. */
    static PackageReply answer(String serverPolicy, ClientCall call, Multipart response) throws Exception {
        byte[] request = call.secureRequest(TestMessages.soap11().build());
        ServerExchange server = new ServerExchange(gate.policy(serverPolicy).orElseThrow());
        InboundOutcome accepted = server.receive(Optional.of(request), "text/xml; charset=UTF-8", Delivery.unknown());
        assertThat(accepted).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(server.securesPackage(response.contentType())).isTrue();
        return server.replyPackage((InboundOutcome.Accepted) accepted, new ByteArrayInputStream(response.bytes()), -1,
                response.contentType());
    }

    static byte[] written(PackageReply reply) throws IOException {
        assertThat(reply).isInstanceOf(PackageReply.Secured.class);
        try (io.wssgate.mime.SecuredPackage pkg = ((PackageReply.Secured) reply).pkg()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.writeTo(out);
            return out.toByteArray();
        }
    }

    static Multipart swa() {
        return new Multipart().root(TestMessages.soap11("<t:report xmlns:t=\"urn:wssgate:test\"/>").build())
                .attachment("report@wssgate.test", "application/pdf", REPORT).close();
    }

    @Test
    void aSignedSwaResponseKeepsItsPackageAndTheClientAcceptsIt() throws Exception {
        ClientCall call = new ClientCall(gate.policy("client").orElseThrow());
        Multipart response = swa();
        byte[] sent = written(answer("server", call, response));

        String text = new String(sent, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("--" + Multipart.BOUNDARY + "\r\n").contains("URI=\"cid:report@wssgate.test\"")
                .contains("Content-ID: <report@wssgate.test>").contains(new String(REPORT, StandardCharsets.ISO_8859_1))
                .endsWith("--" + Multipart.BOUNDARY + "--\r\n");

        InboundOutcome outcome = call.acceptResponse(new ByteArrayInputStream(sent), sent.length, response.contentType());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> {
            assertThat(a.principal().getName()).isEqualTo("CN=server,O=WSS Gate Test,C=DE");
            assertThat(ApplicationBodies.read(a)).contains(new String(REPORT, StandardCharsets.ISO_8859_1));
        });
    }

    @Test
    void anEncryptedSwaResponseIsDecryptedByTheClient() throws Exception {
        ClientCall call = new ClientCall(gate.policy("sealed-client").orElseThrow());
        Multipart response = swa();
        byte[] sent = written(answer("sealing-server", call, response));
        assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains("Attachment-Content-Only")
                .doesNotContain("%PDF").contains("Content-Type: application/octet-stream");

        InboundOutcome outcome = call.acceptResponse(new ByteArrayInputStream(sent), -1, response.contentType());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, a -> assertThat(ApplicationBodies.read(a))
                .contains(new String(REPORT, StandardCharsets.ISO_8859_1)).contains("Content-Type: application/pdf"));
    }

    @Test
    void aResponseAttachmentChangedOnTheWayIsRefused() throws Exception {
        ClientCall call = new ClientCall(gate.policy("client").orElseThrow());
        Multipart response = swa();
        String sent = new String(written(answer("server", call, response)), StandardCharsets.ISO_8859_1);
        byte[] tampered = sent.replace("the lab report", "a forged report").getBytes(StandardCharsets.ISO_8859_1);

        InboundOutcome outcome = call.acceptResponse(new ByteArrayInputStream(tampered), -1, response.contentType());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void anMtomResponseIsSignedOverItsXopContent() throws Exception {
        ClientCall call = new ClientCall(gate.policy("client").orElseThrow());
        Multipart response = new Multipart().xopRoot(TestMessages.soap11(MtomOutboundTest.XOP_BODY).build(), "text/xml")
                .attachment("scan@wssgate.test", "application/pdf", REPORT).close();
        byte[] sent = written(answer("server", call, response));
        assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains("Content-Type: application/xop+xml")
                .contains("xop:Include").doesNotContain("URI=\"cid:");

        InboundOutcome outcome = call.acceptResponse(new ByteArrayInputStream(sent), -1, response.contentType());

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Accepted.class, InboundOutcome.Accepted::release);
    }

    @Test
    void anMtomResponseUnderAnEncryptingPolicyBecomesTheServerFault() throws Exception {
        ClientCall call = new ClientCall(gate.policy("sealed-client").orElseThrow());
        Multipart response = new Multipart().xopRoot(TestMessages.soap11(MtomOutboundTest.XOP_BODY).build(), "text/xml")
                .attachment("scan@wssgate.test", "application/pdf", REPORT).close();

        // the attachment would otherwise go out in the clear next to an encrypted xop:Include
        assertThat(answer("sealing-server", call, response)).isInstanceOfSatisfying(PackageReply.Fault.class,
                f -> assertThat(new String(f.fault().body(), StandardCharsets.UTF_8)).doesNotContain("%PDF"));
    }
}
