package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.capture.Capture;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnostics.capture-rejected} as web.xml init-params: every request the filter refuses
 * over HTTP is written under the correlation id the client got in the fault's header, bounded,
 * owner-only and with the Body's content removed; accepted requests leave nothing behind.
 */
class CaptureRejectedOverHttpTest {
    static final String SECRET_BODY = "<o:pay xmlns:o=\"urn:example\"><o:iban>DE89370400440532013000</o:iban></o:pay>";

    @Test
    void refusedRequestsAreCapturedUnderTheirCorrelationIdBoundedAndRedacted(@TempDir Path dir) throws Exception {
        TestKeys keys = TestKeys.create();
        TestKeys.Identity client = keys.issue("client");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path captures = dir.resolve("captures");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.partner.paths", "/services/*");
        params.put("policies.partner.trust.certificates", ca.toString());
        params.put("diagnostics.capture-rejected.directory", captures.toString());
        params.put("diagnostics.capture-rejected.max-files", "2");
        EchoServlet.INVOCATIONS.set(0);
        try (JettyWebApp app = JettyWebApp.start(dir, params)) {
            byte[] valid = TestMessages.soap11(SECRET_BODY).timestamp(Duration.ofMinutes(5))
                    .signWith(client, KeyIdType.BST).build();
            assertThat(app.post("/services/pay", valid, "text/xml; charset=UTF-8").statusCode()).isEqualTo(200);
            assertThat(list(captures)).as("an accepted request is not captured").isEmpty();

            String first = refused(app, new String(TestMessages.soap11(SECRET_BODY).timestamp(Duration.ofMinutes(5))
                    .signWith(client, KeyIdType.BST).build(), StandardCharsets.UTF_8).replace("DE89", "DE00")
                    .getBytes(StandardCharsets.UTF_8));
            String second = refused(app, TestMessages.soap11(SECRET_BODY).build());
            String third = refused(app, TestMessages.removeSignature(valid));

            assertThat(list(captures)).as("max-files 2: the oldest went first").containsExactlyInAnyOrder(
                    second + ".properties", second + ".xml", third + ".properties", third + ".xml");
            assertThat(first).isNotIn(second, third);
            Capture capture = Capture.read(captures.resolve(third + ".properties"));
            assertThat(capture.policy()).isEqualTo("partner");
            assertThat(capture.endpoint()).hasValueSatisfying(url -> assertThat(url).endsWith("/services/pay"));
            assertThat(capture.contentType()).hasValueSatisfying(ct -> assertThat(ct).isEqualToIgnoringCase("text/xml; charset=UTF-8"));
            assertThat(capture.bodyRedacted()).isTrue();
            String kept = Files.readString(capture.message().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(kept).doesNotContain("DE89370400440532013000").contains("Body content removed");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(captures))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(capture.message().get())))
                    .isEqualTo("rw-------");
            assertThat(EchoServlet.INVOCATIONS.get()).as("the application ran for the valid request only").isEqualTo(1);
        }
    }

    private static String refused(JettyWebApp app, byte[] message) throws Exception {
        HttpResponse<byte[]> response = app.post("/services/pay", message, "text/xml; charset=UTF-8");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("wsse:");
        String id = response.headers().firstValue(ServerExchange.CORRELATION_HEADER).orElseThrow();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(id);
        return id;
    }

    private static List<String> list(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
