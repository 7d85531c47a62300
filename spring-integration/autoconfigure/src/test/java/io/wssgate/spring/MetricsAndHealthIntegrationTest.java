package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wssgate.spring.health.WssGateHealthIndicator;
import io.wssgate.testing.TestMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same Boot application with a MeterRegistry and a Clock: real HTTP traffic moves the
 * WSS Gate counters, and the health indicator turns DOWN once a certificate in use expires.
 */
@SpringBootTest(classes = {SecuredSoapApp.class, MetricsAndHealthIntegrationTest.Operations.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsAndHealthIntegrationTest {
    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    WssGateHealthIndicator health;

    @Autowired
    MovableClock clock;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        Fixtures.partnerPolicy().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void acceptedAndRejectedMessagesAreCountedByPolicyAndFaultAndTimed() {
        double accepted = count("accepted", "none");
        double failedCheck = count("rejected", "FailedCheck");

        assertThat(Fixtures.post(port, "/services/clerk", Fixtures.samlRequest("clerk")).statusCode()).isEqualTo(200);
        assertThat(Fixtures.post(port, "/services/clerk", TestMessages.tamperBody(Fixtures.samlRequest("clerk")))
                .statusCode()).isEqualTo(500);

        assertThat(count("accepted", "none")).isEqualTo(accepted + 1);
        assertThat(count("rejected", "FailedCheck")).isEqualTo(failedCheck + 1);
        assertThat(registry.find("wssgate.validation").tag("outcome", "accepted").timer().count()).isPositive();
    }

    @Test
    void healthTurnsDownWhenACertificateInUseExpires() {
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofDays(3 * 365));   // past every fixture certificate's validity

        var down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKey("expired");
        clock.advance(Duration.ofDays(-3 * 365));
    }

    private double count(String outcome, String fault) {
        var counter = registry.find("wssgate.messages").tag("policy", "partner").tag("outcome", outcome)
                .tag("fault", fault).counter();
        return counter == null ? 0 : counter.count();
    }

    /** What an application with metrics and its own time source would have. */
    @TestConfiguration
    static class Operations {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    /** The system clock, moved by the test. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
