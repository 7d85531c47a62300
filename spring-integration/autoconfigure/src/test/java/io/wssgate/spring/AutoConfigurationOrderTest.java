package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spring.health.WssGateHealthAutoConfiguration;
import io.wssgate.spring.metrics.WssGateMetricsAutoConfiguration;
import io.wssgate.spring.ws.WssGateSpringWsAutoConfiguration;
import io.wssgate.spring.ws.WssGateSpringWsServerAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;

/**
 * The ordering the engine depends on, pinned against the real class names: the engine takes its
 * observers once, at creation, so the metrics observer must be defined first; health and
 * Spring-WS need the engine bean, so they come after.
 */
class AutoConfigurationOrderTest {

    @Test
    void metricsBeforeTheEngineHealthAndSpringWsAfter() {
        List<Class<?>> order = List.of(Configurations.getClasses(AutoConfigurations.of(
                WssGateSpringWsAutoConfiguration.class, WssGateHealthAutoConfiguration.class,
                WssGateAutoConfiguration.class, WssGateMetricsAutoConfiguration.class)));
        int engine = order.indexOf(WssGateAutoConfiguration.class);
        assertThat(order.indexOf(WssGateMetricsAutoConfiguration.class)).isLessThan(engine);
        assertThat(order.indexOf(WssGateHealthAutoConfiguration.class)).isGreaterThan(engine);
        assertThat(order.indexOf(WssGateSpringWsAutoConfiguration.class)).isGreaterThan(engine);
    }

    @Test
    void allThreeAreRegistered() throws IOException {
        String imports;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            imports = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(imports.lines()).contains(WssGateMetricsAutoConfiguration.class.getName(),
                WssGateHealthAutoConfiguration.class.getName(), WssGateSpringWsAutoConfiguration.class.getName(),
                WssGateSpringWsServerAutoConfiguration.class.getName(),
                io.wssgate.spring.ws.WssGateWsdlPolicyAutoConfiguration.class.getName());
    }
}
