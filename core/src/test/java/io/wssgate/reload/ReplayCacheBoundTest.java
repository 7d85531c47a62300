package io.wssgate.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay.memory.max-entries} bounds what a policy remembers, and the size can be watched. */
class ReplayCacheBoundTest {
    private static final TestKeys KEYS = TestKeys.create();

    @Test
    void theReplayCacheNeverHoldsMoreThanConfigured(@TempDir Path dir) throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(new StringReader("""
                keys: { reload-interval: off }
                replay: { memory: { max-entries: 3 } }
                policies:
                  p:
                    paths: [/*]
                    trust: { certificates: [%s] }
                """.formatted(trust)), dir, VariableResolver.system()))) {
            PolicyRuntime policy = gate.policy("p").orElseThrow();
            assertThat(gate.config().replay()).isEqualTo(new ReplayConfig.Memory(3));
            TestKeys.Identity client = KEYS.issue("client");
            for (int i = 1; i <= 6; i++) {
                byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                        .signWith(client, KeyIdType.BST).build();
                InboundOutcome first = policy.validate(message, "text/xml");
                if (i <= 3) {
                    assertThat(first).isInstanceOf(InboundOutcome.Accepted.class);
                } else {
                    assertThat(first).as("full of live entries: refused, nothing forgotten")
                            .isInstanceOf(InboundOutcome.Rejected.class);
                }
                assertThat(policy.validate(message, "text/xml")).as("the replay of message %d", i)
                        .isInstanceOf(InboundOutcome.Rejected.class);
                assertThat(policy.replayCacheSize()).hasValue(Math.min(i, 3));
                Thread.sleep(2); // distinct Created values, so distinct messages
            }
        }
    }
}
