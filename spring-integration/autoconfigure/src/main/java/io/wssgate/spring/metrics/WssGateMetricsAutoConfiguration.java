package io.wssgate.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.wssgate.observe.MicrometerGateObserver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics for WSS Gate, when the application has a {@link MeterRegistry}.
 *
 * <p>Ordered after Boot's meter registry auto-configuration (so {@code @ConditionalOnBean}
 * sees the registry) and before WSS Gate's own, which builds the engine with every
 * {@code GateObserver} bean: the engine takes its observers once, at creation. Class names
 * as strings, so neither needs to be on the class path.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = "io.wssgate.spring.WssGateAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class WssGateMetricsAutoConfiguration {

    /** Backs off when the application defines its own (e.g. with other tags). */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerGateObserver wssGateMicrometerObserver(MeterRegistry registry) {
        return new MicrometerGateObserver(registry);
    }
}
