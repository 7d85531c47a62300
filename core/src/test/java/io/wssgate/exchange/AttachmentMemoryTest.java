package io.wssgate.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.SwaMessages;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What validating a large signed attachment costs in memory: the bytes this thread allocates
 * while the exchange spools, checks and verifies a 24 MB SwA attachment or MTOM part (read from a
 * file, as a server reads a request) stay a small fraction of the attachment. WSS4J's own
 * attachment path would allocate more than the attachment twice over (its buffered stream and
 * Santuario's reference cache), which is what this test would catch if the streaming broke.
 */
class AttachmentMemoryTest {
    static final int SIZE = 24_000_000;
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static WssGate gate;
    static Path swa;
    static String swaType;
    static Path mtom;
    static String mtomType;
    static Path encrypted;
    static String encryptedType;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        TrustConfig trust = new TrustConfig(List.of(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())),
                Optional.empty(), List.of(), List.of());
        // the same message is validated twice: replay detection off, as for a benchmark
        gate = WssGate.create(WssGateConfig.of(PolicyConfig.builder("large").path("/large").trust(trust)
                .timestamp(new io.wssgate.config.TimestampPolicy(true, java.time.Duration.ofMinutes(5),
                        java.time.Duration.ofSeconds(60), true, false))
                .decryption(new io.wssgate.config.DecryptionPolicy(Optional.of(new io.wssgate.config.KeySource.PemKeyPair(
                        TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey()),
                        TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate()), Optional.empty())),
                        io.wssgate.config.DecryptionPolicy.disabled().keyTransportAlgorithms(),
                        io.wssgate.config.DecryptionPolicy.disabled().dataAlgorithms()))
                .attachments(new AttachmentPolicy(true, 2, 32_000_000, 64_000_000, true)).build()));
        byte[] document = new byte[SIZE];
        new Random(1).nextBytes(document);
        SwaMessages.Package s = SwaMessages.signedBy(CLIENT).attach("big@test", "application/octet-stream", document)
                .build();
        swa = Files.write(dir.resolve("swa.mime"), s.body());
        swaType = s.contentType();
        SwaMessages.Package m = MtomMessages.signedBy(CLIENT).document("big@test", document).build();
        mtom = Files.write(dir.resolve("mtom.mime"), m.body());
        mtomType = m.contentType();
        SwaMessages.Package e = SwaMessages.signedBy(CLIENT).attach("big@test", "application/octet-stream", document)
                .encryptFor(SERVER.certificate(), false).build();
        encrypted = Files.write(dir.resolve("encrypted.mime"), e.body());
        encryptedType = e.contentType();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static long allocatedWhileValidating(Path body, String contentType) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ServerExchange exchange = new ServerExchange(gate.policy("large").orElseThrow());
        // once to load and warm what is loaded once per JVM
        validate(exchange, body, contentType);
        long before = threads.getThreadAllocatedBytes(thread);
        validate(exchange, body, contentType);
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    static void validate(ServerExchange exchange, Path body, String contentType) throws Exception {
        try (InputStream in = Files.newInputStream(body)) {
            InboundOutcome outcome = exchange.receive(in, Files.size(body), contentType, Delivery.unknown());
            assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
            ((InboundOutcome.Accepted) outcome).release();
        }
    }

    @Test
    void aSignedSwaAttachmentIsVerifiedWithoutItsBytesInMemory() throws Exception {
        assertThat(allocatedWhileValidating(swa, swaType)).isLessThan(SIZE / 4);
    }

    @Test
    void anEncryptedSwaAttachmentIsDecryptedAndVerifiedWithoutItsBytesInMemory() throws Exception {
        // AES-256-GCM: WSS4J's own decryption (a JCE CipherInputStream over the JDK's GCM) would hold it all
        assertThat(allocatedWhileValidating(encrypted, encryptedType)).isLessThan(SIZE / 4);
    }

    @Test
    void aSignedMtomPartIsVerifiedWithoutItsBase64InMemory() throws Exception {
        assertThat(allocatedWhileValidating(mtom, mtomType)).isLessThan(SIZE / 4);
    }
}
