package io.wssgate.capture;

import io.wssgate.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.CaptureConfig;
import io.wssgate.config.MessageLimits;
import io.wssgate.config.Problems;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture directory: owner-only, bounded in count and age, the Body redacted unless told otherwise. */
class CaptureStoreTest {
    static final String BODY = "<o:order xmlns:o=\"urn:example\"><o:card>4111 1111 1111 1111</o:card></o:order>";

    @TempDir
    Path dir;

    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

    CaptureStore open(CaptureConfig config) {
        Problems problems = new Problems();
        Optional<CaptureStore> store = CaptureStore.open(config, clock, problems);
        problems.throwIfAny();
        return store.orElseThrow();
    }

    RejectedRequest rejected(String id, byte[] message) {
        return new RejectedRequest("p", id, clock.instant(), message, Optional.of("text/xml; charset=UTF-8"),
                Delivery.http("POST", "https://host/s/orders", "/s/orders", "10.0.0.7", "\"urn:orders:place\"", null),
                FaultCode.FAILED_CHECK, "the reason", 
                MessageLimits.defaults());
    }

    static byte[] message() {
        return TestMessages.soap11(BODY).timestamp(Duration.ofMinutes(5)).build();
    }

    List<String> files(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCaptureIsTheMessageAndItsFactsNamedByCorrelationIdReadableByTheOwnerOnly() throws Exception {
        Path captures = dir.resolve("captures");
        try (CaptureStore store = open(CaptureConfig.in(captures).withRedactBody(false))) {
            byte[] message = message();
            store.write(rejected("c-1", message));

            assertThat(files(captures)).containsExactly("c-1.properties", "c-1.xml");
            assertThat(Files.readAllBytes(captures.resolve("c-1.xml"))).isEqualTo(message);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(captures))).isEqualTo("rwx------");
            for (String file : files(captures)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(captures.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            Capture capture = Capture.read(captures.resolve("c-1.xml"));
            assertThat(capture).isEqualTo(new Capture("c-1", "p", clock.instant(), Optional.of("text/xml; charset=UTF-8"),
                    Optional.of("https://host/s/orders"), Optional.of("10.0.0.7"), List.of("urn:orders:place"),
                    FaultCode.FAILED_CHECK, "the reason",
                    message.length, false, Optional.of(captures.resolve("c-1.xml"))));
        }
    }

    @Test
    void theBodyIsRedactedByDefaultKeepingItsIdAndTheSecurityHeader() throws Exception {
        try (CaptureStore store = open(CaptureConfig.in(dir.resolve("c")))) {
            byte[] message = io.wssgate.testing.TestMessages.soap11(BODY).timestamp(Duration.ofMinutes(5))
                    .signWith(io.wssgate.testing.TestKeys.create().issue("client"), io.wssgate.testing.KeyIdType.BST)
                    .build();
            store.write(rejected("c-2", message));

            String kept = Files.readString(dir.resolve("c/c-2.xml"), StandardCharsets.UTF_8);
            assertThat(kept).doesNotContain("4111").contains("Body content removed by WSS Gate")
                    .contains("wsse:Security").contains("ds:SignatureValue");
            String bodyId = new String(message, StandardCharsets.UTF_8).replaceAll("(?s).*<soap:Body[^>]*wsu:Id=\"([^\"]+)\".*", "$1");
            assertThat(kept).contains("wsu:Id=\"" + bodyId + "\"");
            assertThat(Capture.read(dir.resolve("c/c-2.properties")).bodyRedacted()).isTrue();
        }
    }

    @Test
    void aMessageThatCannotBeRedactedIsNotKeptOnlyItsFacts() throws Exception {
        try (CaptureStore store = open(CaptureConfig.in(dir.resolve("c")))) {
            store.write(rejected("c-3", "card=4111 1111 1111 1111".getBytes(StandardCharsets.UTF_8)));

            assertThat(files(dir.resolve("c"))).containsExactly("c-3.properties");
            assertThat(Capture.read(dir.resolve("c/c-3.properties")).message()).isEmpty();
            assertThat(Files.readString(dir.resolve("c/c-3.properties"))).doesNotContain("4111");
        }
    }

    @Test
    void theOldestCapturesGoFirstBeyondMaxFiles() throws Exception {
        try (CaptureStore store = open(CaptureConfig.in(dir.resolve("c")).withMaxFiles(3))) {
            for (int i = 1; i <= 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                store.write(rejected("c-" + i, message()));
            }

            assertThat(files(dir.resolve("c"))).containsExactly("c-3.properties", "c-3.xml", "c-4.properties",
                    "c-4.xml", "c-5.properties", "c-5.xml");
            assertThat(store.size()).isEqualTo(3);
        }
    }

    @Test
    void capturesOlderThanMaxAgeAreDeletedAlsoWithoutNewRejections() throws Exception {
        try (CaptureStore store = open(CaptureConfig.in(dir.resolve("c")).withMaxAge(Duration.ofHours(1)))) {
            store.write(rejected("old", message()));
            clock.advance(Duration.ofMinutes(40));
            store.write(rejected("newer", message()));
            clock.advance(Duration.ofMinutes(30));

            store.prune(); // what the expiry thread does every max-age / 10

            assertThat(files(dir.resolve("c"))).containsExactly("newer.properties", "newer.xml");
        }
    }

    @Test
    void theBoundsHoldAcrossRestarts() throws Exception {
        CaptureConfig config = CaptureConfig.in(dir.resolve("c")).withMaxFiles(2);
        try (CaptureStore first = open(config)) {
            first.write(rejected("a", message()));
            clock.advance(Duration.ofSeconds(1));
            first.write(rejected("b", message()));
        }
        clock.advance(Duration.ofSeconds(1));
        try (CaptureStore second = open(config)) {
            assertThat(second.size()).isEqualTo(2);
            second.write(rejected("c", message()));
        }

        assertThat(files(dir.resolve("c"))).containsExactly("b.properties", "b.xml", "c.properties", "c.xml");
    }

    @Test
    void aDirectoryOpenToOthersIsRefusedAtStartUpAndNotChanged() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Problems problems = new Problems();

        assertThat(CaptureStore.open(CaptureConfig.in(shared), clock, problems)).isEmpty();
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("diagnostics.capture-rejected.directory");
            assertThat(p.message()).contains("rwxr-xr-x").contains("chmod 700");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aCorrelationIdThatIsNoFileNameIsNotWritten() throws Exception {
        try (CaptureStore store = open(CaptureConfig.in(dir.resolve("c")))) {
            store.write(rejected("../escape", message()));

            assertThat(files(dir.resolve("c"))).isEmpty();
            assertThat(Files.exists(dir.resolve("escape.xml"))).isFalse();
        }
    }
}
