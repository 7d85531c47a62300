package io.wssgate.spring;

import io.wssgate.WssGate;
import io.wssgate.jaxws.WssGateClient;
import jakarta.xml.ws.BindingProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Client-side beans, when the application uses JAX-WS (the API is on the class path). */
@AutoConfiguration(after = WssGateAutoConfiguration.class)
@ConditionalOnClass({BindingProvider.class, WssGateClient.class})
@ConditionalOnBean(WssGate.class)
public class WssGateClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public WssGateClients wssGateClients(WssGate gate) {
        return new WssGateClients(gate);
    }

    /** Secures {@code @WssGateClient.Secured} port fields of beans with this engine's policies. */
    @Bean
    @ConditionalOnMissingBean
    public static SecuredPortsPostProcessor wssGateSecuredPortsPostProcessor(
            org.springframework.beans.factory.ObjectProvider<WssGateClients> clients) {
        return new SecuredPortsPostProcessor(clients);
    }
}
