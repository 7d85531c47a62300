package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One gate per configuration file, shared; a broken file is not remembered as broken; all closed at shutdown. */
class GateRegistryTest {
    static final TestKeys KEYS = TestKeys.create();

    @Test
    void everyoneNamingTheSameFileSharesOneGate(@TempDir Path dir) throws Exception {
        Path config = validConfig(dir);

        WssGate first = GateRegistry.gate(config.toString(), getClass().getClassLoader());
        WssGate second = GateRegistry.gate(dir.resolve(".").resolve("wssgate.yaml").toString(), null);

        // one gate, so one replay cache per policy across every endpoint and port using it
        assertThat(second).isSameAs(first);
        assertThat(GateRegistry.policy(config.toString(), "partner", null)).isSameAs(first.policy("partner").orElseThrow());
    }

    @Test
    void aFileThatFailedToLoadIsReadAgainNextTime(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), "policies: { partner: { paths: [/x], bogus: 1 } }");
        assertThatThrownBy(() -> GateRegistry.gate(config.toString(), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("policies.partner.bogus");

        validConfig(dir);

        assertThat(GateRegistry.gate(config.toString(), null).policy("partner")).isPresent();
    }

    @Test
    void closeAllStopsEveryGatesKeyReloadingAndForgetsIt(@TempDir Path dir) throws Exception {
        Path config = validConfig(dir);
        WssGate gate = GateRegistry.gate(config.toString(), null);
        assertThat(gate.watchesKeyFiles()).as("watching its key files (keys.reload-interval 30s)").isTrue();

        // what RegistryShutdown does when the web application stops
        GateRegistry.closeAll();

        assertThat(gate.watchesKeyFiles()).isFalse();
        assertThat(GateRegistry.gate(config.toString(), null)).as("loaded afresh").isNotSameAs(gate);
    }

    private static Path validConfig(Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        return Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  partner:
                    paths: [/orders]
                    trust:
                      certificates: [%s]
                """.formatted(ca));
    }
}
