package io.wssgate.spring.parity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.Source;
import io.wssgate.filter.ApplicationSoapVersions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.ws.config.annotation.EnableWs;
import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;
import org.springframework.ws.soap.SoapVersion;
import org.springframework.ws.soap.saaj.SaajSoapMessageFactory;
import org.springframework.ws.transport.http.MessageDispatcherServlet;
import org.springframework.xml.transform.StringSource;

/**
 * A Spring Boot application with the WSS Gate starter and Spring-WS, as an application writes it:
 * a {@code MessageDispatcherServlet} for the SOAP 1.1 paths (Spring-WS's default message factory)
 * and one for the SOAP 1.2 paths (a SAAJ factory set to SOAP 1.2), both serving the same
 * {@link EchoEndpoint}; Spring Security lets every request through, so what decides is WSS Gate.
 * The paths come from the properties {@value #SOAP11_PATHS} and {@value #SOAP12_PATHS}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWs
class SpringWsParityApp {
    static final String SOAP11_PATHS = "parity.soap11-paths";
    static final String SOAP12_PATHS = "parity.soap12-paths";
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final List<String> PRINCIPALS = new CopyOnWriteArrayList<>();

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> soap11Dispatcher(ApplicationContext context, Environment env) {
        return dispatcher("soap11", new MessageDispatcherServlet(), context, env.getRequiredProperty(SOAP11_PATHS, String[].class));
    }

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> soap12Dispatcher(ApplicationContext context, Environment env) {
        MessageDispatcherServlet servlet = new MessageDispatcherServlet();
        servlet.setMessageFactoryBeanName("soap12MessageFactory");
        return dispatcher("soap12", servlet, context, env.getRequiredProperty(SOAP12_PATHS, String[].class));
    }

    private static ServletRegistrationBean<MessageDispatcherServlet> dispatcher(String name, MessageDispatcherServlet servlet,
            ApplicationContext context, String[] paths) {
        servlet.setApplicationContext(context);
        ServletRegistrationBean<MessageDispatcherServlet> registration = new ServletRegistrationBean<>(servlet, paths);
        registration.setName(name);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    SaajSoapMessageFactory soap12MessageFactory() {
        SaajSoapMessageFactory factory = new SaajSoapMessageFactory();
        factory.setSoapVersion(SoapVersion.SOAP_12);
        return factory;
    }

    /** With {@code parity.version-guard=false}: the application opts out of the starter's SOAP version check. */
    @Bean
    @ConditionalOnProperty(name = "parity.version-guard", havingValue = "false")
    ApplicationSoapVersions noSoapVersionCheck() {
        return ApplicationSoapVersions.unknown();
    }

    @Bean
    SecurityFilterChain everyRequestThrough(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    /**
     * Answers the attack fixture's operations {@code echo} and {@code whoami} with the caller
     * Spring Security knows; records each call.
     */
    @Endpoint
    static class EchoEndpoint {
        @PayloadRoot(namespace = "urn:wssgate:test:jaxws", localPart = "echo")
        @ResponsePayload
        Source echo(@RequestPayload Source request) {
            return answer("echoResponse");
        }

        @PayloadRoot(namespace = "urn:wssgate:test:jaxws", localPart = "whoami")
        @ResponsePayload
        Source whoami(@RequestPayload Source request) {
            return answer("whoamiResponse");
        }

        private static Source answer(String response) {
            INVOCATIONS.incrementAndGet();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String name = authentication == null || authentication instanceof AnonymousAuthenticationToken
                    ? "" : authentication.getName();
            PRINCIPALS.add(name);
            return new StringSource("<w:" + response + " xmlns:w=\"urn:wssgate:test:jaxws\"><return>principal="
                    + name + "</return></w:" + response + ">");
        }
    }
}
