package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import io.wssgate.spring.WssGateAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.ws.wsdl.WsdlDefinition;

/**
 * Spring-WS WSDL definitions carry the WS-SecurityPolicy of the policy that publishes it
 * ({@code wssgate.policies.<name>.wsdl.publish-policy=true}): see {@link SecurityPolicyWsdlPostProcessor}.
 */
@AutoConfiguration(after = WssGateAutoConfiguration.class)
@ConditionalOnClass(WsdlDefinition.class)
public class WssGateWsdlPolicyAutoConfiguration {

    /** Static, as a post-processor must be; the engine is looked up only when a definition is processed. */
    @Bean
    static SecurityPolicyWsdlPostProcessor wssGateSecurityPolicyWsdlPostProcessor(ObjectProvider<WssGate> gate) {
        return new SecurityPolicyWsdlPostProcessor(gate);
    }
}
