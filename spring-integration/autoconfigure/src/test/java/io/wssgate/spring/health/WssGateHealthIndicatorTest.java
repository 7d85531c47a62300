package io.wssgate.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spring.GateFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The engine refuses to start with an expired certificate, and the fixtures' certificates are
 * valid for a year from now; so "expired" and "about to expire" are seen through the
 * indicator's clock, moved forward.
 */
class WssGateHealthIndicatorTest {
    static final WssGateHealthProperties DEFAULTS = new WssGateHealthProperties(Duration.ofDays(30), Duration.ofSeconds(2));
    static GateFixture fx;

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        fx = new GateFixture(dir);
    }

    @Test
    void upWithCertificatesFarFromExpiry() {
        Health health = new WssGateHealthIndicator(fx.gate, DEFAULTS).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("certificates", fx.gate.certificates().size())
                .doesNotContainKeys("expired", "expiring", "warning", "unreachableSts");
    }

    @Test
    void downWhenACertificateHasExpiredNamingPolicyUseSubjectAndEnd() {
        Health health = new WssGateHealthIndicator(fx.gate, DEFAULTS, in(Duration.ofDays(366))).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(entries(health, "expired")).contains(Map.of("policy", "client", "use", "outbound-signature",
                "subject", "CN=client,O=WSS Gate Test,C=DE",
                "notAfter", fx.client.certificate().getNotAfter().toInstant().toString()));
    }

    @Test
    void upWithAWarningWhenACertificateExpiresWithinTheWindow() {
        Health health = new WssGateHealthIndicator(fx.gate, DEFAULTS, in(Duration.ofDays(350))).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(entries(health, "expiring")).extracting(e -> e.get("subject"))
                .contains("CN=client,O=WSS Gate Test,C=DE", "CN=server,O=WSS Gate Test,C=DE")
                .doesNotContain("CN=WSS Gate Test CA,O=WSS Gate Test,C=DE");  // the CA lives a year longer
        assertThat(health.getDetails().get("warning")).asString().contains("expire within PT720H");
    }

    @Test
    void theWindowIsConfigurable() {
        WssGateHealthProperties week = new WssGateHealthProperties(Duration.ofDays(7), Duration.ofSeconds(2));
        Health health = new WssGateHealthIndicator(fx.gate, week, in(Duration.ofDays(350))).health();
        assertThat(health.getDetails()).doesNotContainKey("expiring");
    }

    @Test
    void downNamingAnStsThatRefusesConnectionsUpWhenItAccepts(@TempDir Path dir) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int closed;
            try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            String down = "http://127.0.0.1:" + closed + "/sts";
            String up = "http://127.0.0.1:" + listening.getLocalPort() + "/sts";
            GateFixture withSts = new GateFixture(dir, """
                      sts-client:
                        paths: [/sts-client/*]
                        outbound:
                          token:
                            source: sts
                            sts:
                              endpoint: %s
                              applies-to: urn:wssgate:test
                              authentication: { username: wsc, password: wsc-pw }
                      sts-validating:
                        paths: [/sts-validating/*]
                        saml:
                          issuers: [{ name: "urn:idp", certificates: [ca.pem] }]
                          audiences: [urn:wssgate:test]
                          sts-validation:
                            endpoint: %s
                            authentication: { username: wsp, password: wsp-pw }
                    """.formatted(down, up));

            Health health = new WssGateHealthIndicator(withSts.gate, DEFAULTS).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            List<Map<String, Object>> unreachable = entries(health, "unreachableSts");
            assertThat(unreachable).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("policy", "sts-client").containsEntry("use", "outbound-token")
                        .containsEntry("endpoint", down);
                assertThat(e.get("error")).asString().contains("ConnectException");
            });
        }
    }

    private static Clock in(Duration ahead) {
        return Clock.offset(Clock.systemUTC(), ahead);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Health health, String key) {
        return (List<Map<String, Object>>) health.getDetails().get(key);
    }
}
