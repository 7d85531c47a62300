package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import io.wssgate.config.PolicyConfig;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.ws.wsdl.WsdlDefinition;

/**
 * Wraps an application's Spring-WS {@link WsdlDefinition} beans in {@link
 * SecurityPolicyWsdlDefinition} when a WSS Gate policy has {@code wsdl.publish-policy: true}, so
 * the WSDL Spring-WS serves ({@code <bean>.wsdl}) carries that policy's WS-SecurityPolicy without
 * any code. Which policy: the only one that publishes; with several, the one with a path whose
 * last segment is the bean's name (Spring-WS's convention: bean {@code orders}, endpoint
 * {@code /services/orders}). A definition no policy can be chosen for is left as it is, with a
 * warning; one the application wrapped itself is never wrapped twice.
 */
final class SecurityPolicyWsdlPostProcessor implements BeanPostProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityPolicyWsdlPostProcessor.class);
    private final ObjectProvider<WssGate> gate;

    SecurityPolicyWsdlPostProcessor(ObjectProvider<WssGate> gate) {
        this.gate = gate;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof WsdlDefinition definition) || bean instanceof SecurityPolicyWsdlDefinition) {
            return bean;
        }
        WssGate engine = gate.getIfAvailable();
        if (engine == null) {
            return bean;
        }
        List<PolicyConfig> publishing = engine.config().policies().stream()
                .filter(p -> p.wsdl().publishPolicy()).toList();
        if (publishing.isEmpty()) {
            return bean;
        }
        Optional<PolicyConfig> chosen = choose(publishing, beanName);
        if (chosen.isEmpty()) {
            LOG.warn("WSDL definition '{}' is served without WS-SecurityPolicy: policies {} publish theirs and none "
                    + "has a path ending in /{}; wrap it in SecurityPolicyWsdlDefinition naming the policy",
                    beanName, publishing.stream().map(PolicyConfig::name).toList(), beanName);
            return bean;
        }
        LOG.info("WSDL definition '{}' is served with the WS-SecurityPolicy of policy '{}'", beanName,
                chosen.get().name());
        return new SecurityPolicyWsdlDefinition(definition, engine, chosen.get().name());
    }

    static Optional<PolicyConfig> choose(List<PolicyConfig> publishing, String beanName) {
        if (publishing.size() == 1) {
            return Optional.of(publishing.get(0));
        }
        List<PolicyConfig> named = publishing.stream()
                .filter(p -> p.paths().stream().anyMatch(path -> path.equals("/" + beanName)
                        || path.endsWith("/" + beanName) || path.endsWith("/" + beanName + "/*")))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
