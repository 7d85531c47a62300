package io.wssgate.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wssgate.GateObserver;
import io.wssgate.WssGate;
import io.wssgate.observe.MicrometerGateObserver;
import io.wssgate.spring.GateFixture;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WssGateMetricsAutoConfigurationTest {
    static Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateMetricsAutoConfiguration.class));

    @BeforeAll
    static void keys(@TempDir Path tmp) {
        dir = tmp;
    }

    @Test
    void anObserverWhenThereIsAMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(MicrometerGateObserver.class));
    }

    @Test
    void noObserverWithoutARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MicrometerGateObserver.class));
    }

    @Test
    void noObserverWithoutMicrometer() {
        runner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerGateObserver.class));
    }

    @Test
    void backsOffForTheApplicationsOwn() {
        MicrometerGateObserver own = new MicrometerGateObserver(new SimpleMeterRegistry());
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("myObserver", MicrometerGateObserver.class, () -> own)
                .run(context -> assertThat(context.getBean(MicrometerGateObserver.class)).isSameAs(own));
    }

    /** An engine built, as WSS Gate's auto-configuration builds it, from the context's observers. */
    @Test
    void anEngineBuiltFromTheContextsObserversCountsIntoTheRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(EngineFromObservers.class)
                .run(context -> {
                    GateFixture fx = context.getBean(GateFixture.class);
                    byte[] signed = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                            .signWith(fx.client, KeyIdType.BST).build();
                    context.getBean(WssGate.class).policy("p").orElseThrow().validate(signed, "text/xml");
                    assertThat(context.getBean(MeterRegistry.class).get("wssgate.messages")
                            .tags("policy", "p", "outcome", "accepted", "fault", "none").counter().count())
                            .isEqualTo(1.0);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class EngineFromObservers {
        @Bean
        GateFixture gateFixture(ObjectProvider<GateObserver> observers) throws Exception {
            return new GateFixture(dir, "", List.copyOf(observers.orderedStream().toList()));
        }

        @Bean
        WssGate wssGate(GateFixture fixture) {
            return fixture.gate;
        }
    }
}
