package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.SwaMessages;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attachment attacks of the catalogue at a size where memory shows (about 24 MB of request
 * body each): each is refused with its fault while the refusing thread allocates less than a
 * quarter of the body, so an attacker's bytes go to the spool file, not the heap. The catalogue
 * sends the same shapes small through every integration (AttachmentAttacks).
 */
class AttachmentAttackMemoryTest {
    static final int SIZE = 24_000_000;
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final byte[] BODY = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<x/></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    static WssGate gate;
    static Path dir;
    static byte[] document;

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        TrustConfig trust = new TrustConfig(List.of(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())),
                Optional.empty(), List.of(), List.of());
        DecryptionPolicy d = DecryptionPolicy.disabled();
        DecryptionPolicy decryption = new DecryptionPolicy(Optional.of(new KeySource.PemKeyPair(
                TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey()),
                TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate()), Optional.empty())),
                d.keyTransportAlgorithms(), d.dataAlgorithms());
        // each message is refused twice (the first time warms up): replay detection off
        TimestampPolicy noReplay = new TimestampPolicy(true, Duration.ofMinutes(5), Duration.ofSeconds(60), true, false);
        gate = WssGate.create(WssGateConfig.of(
                PolicyConfig.builder("tight").path("/tight").trust(trust).timestamp(noReplay)
                        .attachments(new AttachmentPolicy(true, 5, 1 << 20, 64_000_000, true)).build(),
                PolicyConfig.builder("large").path("/large").trust(trust).timestamp(noReplay).decryption(decryption)
                        .attachments(new AttachmentPolicy(true, 2, 32_000_000, 64_000_000, true)).build()));
        document = new byte[SIZE];
        new Random(11).nextBytes(document);
        // random bytes could hold the boundary by chance only with negligible probability
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    /** Refused with {@code code}, allocating less than a quarter of the body on the refusing thread. */
    static void refusedInBoundedMemory(String policy, byte[] body, String contentType, FaultCode code)
            throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "attack", ".mime"), body);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ServerExchange exchange = new ServerExchange(gate.policy(policy).orElseThrow());
        receive(exchange, file, contentType, code);
        long before = threads.getThreadAllocatedBytes(thread);
        receive(exchange, file, contentType, code);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated refusing %d bytes", body.length).isLessThan(body.length / 4);
    }

    static void receive(ServerExchange exchange, Path file, String contentType, FaultCode code) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            InboundOutcome outcome = exchange.receive(in, Files.size(file), contentType, Delivery.unknown());
            assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                    r -> assertThat(r.code()).isEqualTo(code));
        }
    }

    @Test
    void aPartOverMaxPartSize() throws Exception {
        Multipart m = new Multipart().root(BODY).attachment("big@test", "application/octet-stream", document).close();
        refusedInBoundedMemory("tight", m.bytes(), m.contentType(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aPartDeclaredSmallAndSentLarge() throws Exception {
        Multipart m = new Multipart().root(BODY).part(List.of("Content-Type: application/pdf", "Content-Length: 10",
                "Content-ID: <declared@test>"), document).close();
        refusedInBoundedMemory("large", m.bytes(), m.contentType(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aHugeNumberOfTinyParts() throws Exception {
        Multipart m = new Multipart().root(BODY);
        for (int i = 0; i < 400_000; i++) {
            m.attachment("t" + i + "@test", "text/plain", new byte[] {'x'});
        }
        byte[] body = m.close().bytes();
        assertThat(body.length).isGreaterThan(SIZE);
        refusedInBoundedMemory("tight", body, m.contentType(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aPackageTruncatedBeforeItsCloseDelimiter() throws Exception {
        Multipart m = new Multipart().root(BODY).attachment("big@test", "application/octet-stream", document);
        refusedInBoundedMemory("large", m.bytes(), m.contentType(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void aSignedAttachmentSwappedAfterSigning() throws Exception {
        byte[] other = document.clone();
        other[SIZE / 2] ^= 1;
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("big@test", "application/octet-stream", document)
                .replaceAfterSigning("big@test", other).build();
        refusedInBoundedMemory("large", pkg.body(), pkg.contentType(), FaultCode.FAILED_CHECK);
    }

    @Test
    void anEncryptedAttachmentWithItsCiphertextChanged() throws Exception {
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT).attach("big@test", "application/octet-stream", document)
                .encryptFor(SERVER.certificate(), false).build();
        byte[] body = pkg.body().clone();
        body[body.length - 1000] ^= 1; // inside the ciphertext, near its tag: found only at the end
        refusedInBoundedMemory("large", body, pkg.contentType(), FaultCode.FAILED_CHECK);
    }
}
