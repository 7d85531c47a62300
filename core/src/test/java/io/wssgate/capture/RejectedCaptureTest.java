package io.wssgate.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.CaptureConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.diagnostics.Explainer;
import io.wssgate.diagnostics.Explanation;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.attacks.AttackFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with {@code diagnostics.capture-rejected} writes exactly the requests it refuses, named
 * by the correlation id the client got, and {@code wssgate explain}'s Explainer reaches the
 * server's verdict again on the capture, at the capture's time.
 */
class RejectedCaptureTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedRequestIsCapturedUnderItsCorrelationIdAndExplainedToTheSameVerdict() throws Exception {
        try (AttackFixture fixture = AttackFixture.create(dir)) {
            Path captures = dir.resolve("captures");
            WssGateConfig config = ConfigLoader.fromYaml(fixture.config, VariableResolver.system())
                    .withCaptureRejected(Optional.of(CaptureConfig.in(captures).withRedactBody(false)));
            try (WssGate gate = WssGate.create(config)) {
                PolicyRuntime x509 = gate.policy("x509").orElseThrow();
                byte[] tampered = TestMessages.tamperBody(fixture.x509(AttackFixture.X509).build());

                InboundOutcome accepted = x509.validateHttpBody(fixture.x509(AttackFixture.X509).build(),
                        AttackFixture.SOAP11_CONTENT_TYPE, Delivery.http("https://gate/x509/service", "10.1.1.1"));
                InboundOutcome refused = x509.validateHttpBody(tampered, AttackFixture.SOAP11_CONTENT_TYPE,
                        Delivery.http("https://gate/x509/service", "10.1.1.1"));
                x509.validateResponse(tampered, AttackFixture.SOAP11_CONTENT_TYPE, List.of());

                assertThat(accepted).isInstanceOf(InboundOutcome.Accepted.class);
                String id = ((InboundOutcome.Rejected) refused).correlationId();
                try (Stream<Path> files = Files.list(captures)) {
                    assertThat(files.map(p -> p.getFileName().toString()).sorted())
                            .as("only the refused request, no response").containsExactly(id + ".properties", id + ".xml");
                }
                Capture capture = Capture.read(captures.resolve(id + ".xml"));
                assertThat(Files.readAllBytes(capture.message().orElseThrow())).isEqualTo(tampered);
                assertThat(capture.fault()).isEqualTo(FaultCode.FAILED_CHECK);
                assertThat(capture.endpoint()).contains("https://gate/x509/service");
                assertThat(capture.detail()).contains("signature");

                Explanation explained = Explainer.of(x509.config(), Clock.fixed(capture.receivedAt(), ZoneOffset.UTC))
                        .explain(Files.readAllBytes(capture.message().get()), capture.contentType(),
                                Delivery.http(capture.endpoint().orElse(null), null));
                assertThat(((Explanation.Verdict.Rejected) explained.verdict()).code()).isEqualTo(capture.fault());
                assertThat(explained.cause().orElseThrow()).contains("soap:Body").contains("changed after it was signed");
            }
        }
    }
}
