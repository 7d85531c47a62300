package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.ws.client.core.WebServiceTemplate;

/**
 * {@link WssGateSpringWs}, when Spring-WS's client is on the class path and there is a
 * {@link WssGate}; after WSS Gate's own auto-configuration, which defines the engine.
 */
@AutoConfiguration(afterName = "io.wssgate.spring.WssGateAutoConfiguration")
@ConditionalOnClass(WebServiceTemplate.class)
@ConditionalOnBean(WssGate.class)
public class WssGateSpringWsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public WssGateSpringWs wssGateSpringWs(WssGate gate) {
        return new WssGateSpringWs(gate);
    }
}
