package io.wssgate.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.observe.MicrometerGateObserver;
import io.wssgate.spring.GateFixture;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the meters show after real decisions of a real engine. */
class MicrometerGateObserverTest {
    @TempDir
    Path dir;

    @Test
    void acceptedAndRejectedMessagesAreCountedByPolicyOutcomeAndFaultAndTimed() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GateFixture fx = new GateFixture(dir, "", List.of(new MicrometerGateObserver(registry)));
        WssGate gate = fx.gate;
        byte[] signed = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(fx.client, KeyIdType.BST).build();

        assertThat(gate.policy("p").orElseThrow().validate(signed, "text/xml")).isInstanceOf(InboundOutcome.Accepted.class);
        byte[] tampered = TestMessages.tamperBody(
                TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(fx.client, KeyIdType.BST).build());
        assertThat(gate.policy("p").orElseThrow().validate(tampered, "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);

        assertThat(registry.get("wssgate.messages").tags("policy", "p", "outcome", "accepted", "fault", "none")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("wssgate.messages").tags("policy", "p", "outcome", "rejected", "fault", "FailedCheck")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("wssgate.validation").tags("policy", "p", "outcome", "accepted").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("wssgate.validation").tags("policy", "p", "outcome", "rejected").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("wssgate.validation").tags("policy", "p", "outcome", "accepted").timer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }
}
