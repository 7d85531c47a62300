package io.wssgate.examples.boot;

import java.util.Properties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ws.config.annotation.EnableWs;
import org.springframework.ws.soap.server.endpoint.SoapFaultMappingExceptionResolver;
import org.springframework.ws.transport.http.MessageDispatcherServlet;

/**
 * Spring-WS set-up: its dispatcher servlet at {@value #SERVICES_PATH}, and a missing role
 * answered as the caller's fault. The servlet's path is one of the WSS Gate policy's
 * {@code paths}, so the WSS Gate filter runs in front of it (and the starter's interceptor tells
 * Spring-WS that the Security header the filter validated is understood).
 */
@Configuration(proxyBeanMethods = false)
@EnableWs
public class WebServicesConfiguration {
    public static final String SERVICES_PATH = "/services";

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> messageDispatcherServlet(ApplicationContext context) {
        MessageDispatcherServlet servlet = new MessageDispatcherServlet();
        servlet.setApplicationContext(context);
        return new ServletRegistrationBean<>(servlet, SERVICES_PATH + "/*");
    }

    /**
     * A caller without the role gets a SOAP Client fault saying so, rather than Spring-WS's
     * default Server fault: the request was fine, the caller is not allowed. Ordered before
     * Spring-WS's catch-all resolver. (The fault is signed like every answer, so a WSS Gate
     * client accepts it as the server's own fault.)
     */
    @Bean
    SoapFaultMappingExceptionResolver accessDeniedAsClientFault() {
        SoapFaultMappingExceptionResolver resolver = new SoapFaultMappingExceptionResolver();
        Properties mappings = new Properties();
        mappings.setProperty(AccessDeniedException.class.getName(), "CLIENT,Access denied: this operation requires role admin");
        resolver.setExceptionMappings(mappings);
        resolver.setOrder(1);
        return resolver;
    }
}
