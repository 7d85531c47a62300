package io.wssgate.benchmarks.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attachment benchmark's systems on 1 MB requests, so `mvn verify` catches a broken
 * benchmark without running JMH: WSS Gate and WSS4J accept each request and refuse it with one
 * attachment byte changed (neither measures a no-op), the floor digests what the signature
 * covers, and the heap check answers from a JVM of its own.
 */
class AttachmentSetupTest {
    @TempDir
    static Path valid;
    @TempDir
    static Path tampered;

    @BeforeAll
    static void writeRequests() throws Exception {
        AttachmentMessages.write(valid, List.of("1MB"));
        try (var files = Files.list(valid)) {
            for (Path file : files.toList()) {
                Files.copy(file, tampered.resolve(file.getFileName()));
            }
        }
        for (String format : RunAttachments.FORMATS) {
            Path body = AttachmentMessages.body(tampered, format, "1MB");
            String boundary = Files.readString(AttachmentMessages.contentType(tampered, format, "1MB"))
                    .replaceAll(".*boundary=\"([^\"]+)\".*", "$1");
            byte[] bytes = Files.readAllBytes(body);
            // the attachment's last byte, just before the close delimiter line
            int end = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("\r\n--" + boundary + "--");
            bytes[end - 1] ^= 1;
            Files.write(body, bytes);
        }
        Path document = AttachmentMessages.attachment(tampered, "1MB");
        byte[] doc = Files.readAllBytes(document);
        doc[doc.length - 1] ^= 1;
        Files.write(document, doc);
    }

    @ParameterizedTest
    @CsvSource({"ours,SWA", "ours,MTOM", "wss4j,SWA", "wss4j,MTOM"})
    void acceptsTheRequestAndRefusesItTampered(String system, String format) throws Exception {
        try (AttachmentBenchmark.AttachmentSystem good = AttachmentBenchmark.create(system, valid, format, "1MB")) {
            assertThat(good.validate()).isNotNull();
        }
        try (AttachmentBenchmark.AttachmentSystem bad = AttachmentBenchmark.create(system, tampered, format, "1MB")) {
            // a refusal, not a broken setup: ours rejects the request, WSS4J fails the digest
            assertThatThrownBy(bad::validate)
                    .isInstanceOf(system.equals("ours") ? IllegalStateException.class : WSSecurityException.class)
                    .hasMessageContaining(system.equals("ours") ? "rejected: " : "");
        }
    }

    @Test
    void theFloorDigestsWhatTheSignatureCovers() throws Exception {
        Path swa = AttachmentMessages.body(valid, "SWA", "1MB");
        Path mtom = AttachmentMessages.body(valid, "MTOM", "1MB");
        try (var floor = AttachmentBenchmark.create("floor", valid, "SWA", "1MB");
             var base64 = AttachmentBenchmark.create("floor", valid, "MTOM", "1MB")) {
            assertThat((byte[]) floor.validate()).isEqualTo(sha256(Files.readAllBytes(swa)));
            assertThat((byte[]) base64.validate())
                    .isEqualTo(sha256(Base64.getEncoder().encode(Files.readAllBytes(mtom))));
        }
    }

    @Test
    void theHeapCheckAnswersFromItsOwnJvm() throws Exception {
        assertThat(HeapCheck.run(valid, "128m", "ours", "SWA", "1MB")).startsWith("validated ");
        assertThat(HeapCheck.run(tampered, "128m", "ours", "SWA", "1MB")).startsWith("failed ")
                .contains("rejected");
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
