package io.wssgate.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.spring.GateFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WssGateHealthAutoConfigurationTest {
    static WssGate gate;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateHealthAutoConfiguration.class));

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        gate = new GateFixture(dir).gate;
    }

    @Test
    void aWssgateIndicatorForTheEngine() {
        runner.withBean(WssGate.class, () -> gate).run(context -> {
            assertThat(context).hasBean("wssgateHealthIndicator");
            assertThat(context.getBean(WssGateHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(WssGateHealthProperties.class).expiryWarning()).isEqualTo(Duration.ofDays(30));
        });
    }

    @Test
    void theWarningWindowIsBoundFromProperties() {
        runner.withBean(WssGate.class, () -> gate)
                .withPropertyValues("wssgate.health.expiry-warning=7d", "wssgate.health.sts-timeout=500ms")
                .run(context -> assertThat(context.getBean(WssGateHealthProperties.class))
                        .isEqualTo(new WssGateHealthProperties(Duration.ofDays(7), Duration.ofMillis(500))));
    }

    @Test
    void noIndicatorWithoutAnEngine() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WssGateHealthIndicator.class));
    }

    @Test
    void noIndicatorWhenSwitchedOff() {
        runner.withBean(WssGate.class, () -> gate).withPropertyValues("management.health.wssgate.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WssGateHealthIndicator.class));
    }

    @Test
    void noIndicatorWithoutBootsHealthSupport() {
        runner.withBean(WssGate.class, () -> gate).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(WssGateHealthIndicator.class));
    }
}
