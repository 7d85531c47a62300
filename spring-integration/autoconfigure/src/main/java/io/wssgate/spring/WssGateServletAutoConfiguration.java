package io.wssgate.spring;

import io.wssgate.WssGate;
import io.wssgate.filter.ApplicationSoapVersions;
import io.wssgate.filter.WssGateFilter;
import io.wssgate.spring.ws.SpringWsSoapVersions;
import io.wssgate.spring.properties.WssGateProperties;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ws.transport.http.MessageDispatcherServlet;

/**
 * Registers the WSS Gate Servlet filter for the URL patterns of all policies, at
 * {@code wssgate.filter.order} (default {@link io.wssgate.spring.properties.FilterOrder#DEFAULT},
 * just before Spring Security's filter chain). With Spring-WS on the classpath the filter also
 * knows the SOAP version each {@code MessageDispatcherServlet} speaks, and answers a message in
 * another version with a SOAP fault before Spring-WS could fail on it; an application's own
 * {@link ApplicationSoapVersions} bean replaces that knowledge.
 */
@AutoConfiguration(after = WssGateAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WssGateFilter.class, FilterRegistrationBean.class})
@ConditionalOnBean(WssGate.class)
@ConditionalOnProperty(prefix = "wssgate.filter", name = "enabled", matchIfMissing = true)
public class WssGateServletAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "wssGateFilterRegistration")
    public FilterRegistrationBean<WssGateFilter> wssGateFilterRegistration(WssGate gate, WssGateProperties properties,
            ObjectProvider<ApplicationSoapVersions> soapVersions) {
        FilterRegistrationBean<WssGateFilter> registration = new FilterRegistrationBean<>(
                new WssGateFilter(gate, soapVersions.getIfAvailable(ApplicationSoapVersions::unknown)));
        registration.setName("wssGateFilter");
        Set<String> patterns = urlPatterns(gate);
        registration.setUrlPatterns(patterns);
        // policies without paths (clients, JAX-WS endpoints) leave nothing to filter; an empty
        // pattern list would otherwise map the filter to /*
        registration.setEnabled(!patterns.isEmpty());
        registration.setOrder(properties.getFilter().getOrder());
        return registration;
    }

    /** The SOAP version of each Spring-WS servlet, from its message factory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MessageDispatcherServlet.class)
    static class SpringWsSoapVersionsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ApplicationSoapVersions wssGateSoapVersions(ListableBeanFactory beans) {
            return SpringWsSoapVersions.forBeans(beans);
        }
    }

    /**
     * Every policy's paths: the container only sends those requests through the filter, which
     * then picks the first matching policy in declaration order.
     */
    static Set<String> urlPatterns(WssGate gate) {
        Set<String> patterns = new LinkedHashSet<>();
        gate.config().policies().forEach(p -> patterns.addAll(p.paths()));
        return patterns;
    }
}
