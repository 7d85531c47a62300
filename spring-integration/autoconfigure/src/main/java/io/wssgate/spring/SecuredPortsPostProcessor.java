package io.wssgate.spring;

import io.wssgate.jaxws.WssGateClient;
import java.lang.reflect.Field;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ReflectionUtils;

/**
 * Secures every port held in a bean field annotated {@code @WssGateClient.Secured(policy = ...)}
 * once the bean is initialized (so ports created in a constructor or {@code @PostConstruct} are
 * covered), with the Spring-configured engine rather than a separately found configuration file.
 * A null port field fails start-up: an unsecured port must not go unnoticed.
 */
public class SecuredPortsPostProcessor implements BeanPostProcessor {
    // a provider, not the bean: post-processors are created before ordinary beans
    private final ObjectProvider<WssGateClients> clients;

    public SecuredPortsPostProcessor(ObjectProvider<WssGateClients> clients) {
        this.clients = clients;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        ReflectionUtils.doWithFields(bean.getClass(), field -> secure(bean, beanName, field),
                field -> field.isAnnotationPresent(WssGateClient.Secured.class));
        return bean;
    }

    private void secure(Object bean, String beanName, Field field) {
        WssGateClient.Secured secured = field.getAnnotation(WssGateClient.Secured.class);
        if (!secured.config().isEmpty()) {
            throw new IllegalStateException("bean '" + beanName + "', field " + field.getName()
                    + ": @WssGateClient.Secured(config=...) is not supported with Spring Boot; the wssgate.* properties apply");
        }
        ReflectionUtils.makeAccessible(field);
        Object port = ReflectionUtils.getField(field, bean);
        if (port == null) {
            throw new IllegalStateException("bean '" + beanName + "', @WssGateClient.Secured field " + field.getName()
                    + " is null after initialization: create the port in the constructor or @PostConstruct");
        }
        clients.getObject().secure(port, secured.policy());
    }
}
