package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.Source;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.ws.config.annotation.EnableWs;
import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;
import org.springframework.ws.transport.http.MessageDispatcherServlet;
import org.springframework.ws.wsdl.WsdlDefinition;
import org.springframework.ws.wsdl.wsdl11.SimpleWsdl11Definition;
import org.springframework.xml.transform.StringSource;

/**
 * A Spring-WS application that publishes its contract with WS-SecurityPolicy: its own WSDL
 * definition (bean {@code interop}, served at {@code /services/interop.wsdl}) wrapped in
 * {@link SecurityPolicyWsdlDefinition} for the {@code x509} policy, and an endpoint answering
 * {@link PolicyInteropService}'s operations with the caller the filter established.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWs
class PublishedPolicyApp {

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> messageDispatcherServlet(ApplicationContext context) {
        MessageDispatcherServlet servlet = new MessageDispatcherServlet();
        servlet.setApplicationContext(context);
        // soap:address becomes the URL the WSDL was fetched from
        servlet.setTransformWsdlLocations(true);
        return new ServletRegistrationBean<>(servlet, "/services/*");
    }

    /**
     * Wrapped by hand unless {@code test.wrap-by-hand=false}: then the plain definition, which the
     * starter wraps when a policy has {@code wsdl.publish-policy=true}.
     */
    @Bean
    WsdlDefinition interop(WssGate gate, @Value("${test.wrap-by-hand:true}") boolean byHand) throws Exception {
        SimpleWsdl11Definition plain = new SimpleWsdl11Definition(
                new ByteArrayResource(PolicyInteropService.wsdl().getBytes(StandardCharsets.UTF_8)));
        plain.afterPropertiesSet();
        return byHand ? new SecurityPolicyWsdlDefinition(plain, gate, "x509") : plain;
    }

    @Bean
    SecurityFilterChain everyRequestThrough(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    @Endpoint
    static class InteropEndpoint {
        final AtomicInteger invocations = new AtomicInteger();

        @PayloadRoot(namespace = PolicyInteropService.NS, localPart = "whoami")
        @ResponsePayload
        Source whoami(@RequestPayload Source request) {
            invocations.incrementAndGet();
            HttpServletConnection connection = (HttpServletConnection) TransportContextHolder.getTransportContext().getConnection();
            Principal user = connection.getHttpServletRequest().getUserPrincipal();
            return answer("whoami", "principal=" + (user == null ? "" : user.getName()));
        }

        @PayloadRoot(namespace = PolicyInteropService.NS, localPart = "echo")
        @ResponsePayload
        Source echo(@RequestPayload org.w3c.dom.Element request) {
            invocations.incrementAndGet();
            return answer("echo", request.getTextContent());
        }

        private static Source answer(String operation, String text) {
            return new StringSource("<ns:" + operation + "Response xmlns:ns=\"" + PolicyInteropService.NS + "\"><return>"
                    + text.replace("&", "&amp;").replace("<", "&lt;") + "</return></ns:" + operation + "Response>");
        }
    }
}
