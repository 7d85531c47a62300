package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import io.wssgate.spring.WssGateServletAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.ws.soap.server.SoapEndpointInterceptor;
import org.springframework.ws.transport.http.HttpServletConnection;

/**
 * {@link WssGateSecurityHeaderInterceptor} for a Spring-WS server behind the WSS Gate filter, so
 * the Security header the filter validated is not answered with a MustUnderstand fault. Only
 * when the filter is registered (without it the interceptor would never claim anything);
 * {@code wssgate.spring-ws.understand-security-header=false} leaves it out.
 */
@AutoConfiguration(after = WssGateServletAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SoapEndpointInterceptor.class, HttpServletConnection.class})
@ConditionalOnBean(name = "wssGateFilterRegistration")
@ConditionalOnProperty(prefix = "wssgate.spring-ws", name = "understand-security-header", matchIfMissing = true)
public class WssGateSpringWsServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public WssGateSecurityHeaderInterceptor wssGateSecurityHeaderInterceptor(WssGate gate) {
        return new WssGateSecurityHeaderInterceptor(gate);
    }
}
