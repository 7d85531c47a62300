package io.wssgate.spring.ws;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.Source;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
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
import org.springframework.xml.transform.StringSource;

/**
 * A Spring-WS server as an application writes it, with no interceptor of its own: one
 * {@code MessageDispatcherServlet} at {@value #GUARDED} (a WSS Gate policy's path when the test
 * configures the {@code partner} policy) and at {@value #UNGUARDED} (no policy's path), so the
 * same endpoint is reachable with and without the filter in front. Spring Security lets every
 * request through: what is under test is Spring-WS's header processing.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWs
class SpringWsServerApp {
    static final String GUARDED = "/services/echo";
    static final String UNGUARDED = "/open/echo";

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> messageDispatcherServlet(ApplicationContext context) {
        MessageDispatcherServlet servlet = new MessageDispatcherServlet();
        servlet.setApplicationContext(context);
        return new ServletRegistrationBean<>(servlet, "/services/*", "/open/*");
    }

    @Bean
    SecurityFilterChain everyRequestThrough(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    /**
     * Answers {@code <echo>} (the test messages' body) with the HTTP request's user. Registered
     * as a member class of this configuration.
     */
    @Endpoint
    static class EchoEndpoint {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        @PayloadRoot(namespace = "urn:wssgate:test", localPart = "echo")
        @ResponsePayload
        Source echo(@RequestPayload Source request) {
            invocations.incrementAndGet();
            HttpServletConnection connection = (HttpServletConnection) TransportContextHolder.getTransportContext().getConnection();
            Principal user = connection.getHttpServletRequest().getUserPrincipal();
            return new StringSource("<ns:echoResponse xmlns:ns=\"urn:wssgate:test\">hello "
                    + (user == null ? "nobody" : user.getName()) + "</ns:echoResponse>");
        }
    }
}
