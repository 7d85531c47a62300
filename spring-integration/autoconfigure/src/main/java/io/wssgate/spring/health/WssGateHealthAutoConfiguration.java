package io.wssgate.spring.health;

import io.wssgate.WssGate;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code wssgate} health contributor, when Boot's health support is present and there is
 * a {@link WssGate}. After WSS Gate's own auto-configuration, which defines the engine;
 * {@code management.health.wssgate.enabled=false} switches it off.
 */
@AutoConfiguration(afterName = "io.wssgate.spring.WssGateAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(WssGate.class)
@ConditionalOnEnabledHealthIndicator("wssgate")
@EnableConfigurationProperties(WssGateHealthProperties.class)
public class WssGateHealthAutoConfiguration {

    /** The bean name gives the contributor its name: {@code wssgate}. */
    @Bean
    @ConditionalOnMissingBean(name = "wssgateHealthIndicator")
    public WssGateHealthIndicator wssgateHealthIndicator(WssGate gate, WssGateHealthProperties properties,
                                                         ObjectProvider<Clock> clock) {
        // the application's Clock, if it has one, so the whole application agrees on what "now" is
        return new WssGateHealthIndicator(gate, properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
