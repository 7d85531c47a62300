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
import org.springframework.ws.wsdl.WsdlDefinition;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;

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

    /** The contract all the examples share, served at {@code GET /services?wsdl} like theirs. */
    public static final String WSDL = "wsdl/whoami.wsdl";

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> messageDispatcherServlet(ApplicationContext context) {
        MessageDispatcherServlet servlet = new WsdlQueryServlet(sharedWsdl());
        servlet.setApplicationContext(context);
        // the WSDL's soap:address names the host and port the client asked
        servlet.setTransformWsdlLocations(true);
        return new ServletRegistrationBean<>(servlet, SERVICES_PATH, SERVICES_PATH + "/*");
    }

    /**
     * The shared contract with its {@code soap:address} made this servlet's path: the file carries
     * Metro's {@code REPLACE_WITH_ACTUAL_URL}, which Metro fills in and Spring-WS would serve as it
     * is; a path starting with {@code /} is one Spring-WS completes with the host and port the
     * client asked ({@code transformWsdlLocations}).
     */
    static WsdlDefinition sharedWsdl() {
        try (java.io.InputStream in = new ClassPathResource(WSDL).getInputStream()) {
            byte[] wsdl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("REPLACE_WITH_ACTUAL_URL", SERVICES_PATH).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return () -> new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(wsdl));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + WSDL, e);
        }
    }

    /**
     * Spring-WS serves a WSDL at {@code <name>.wsdl}; SOAP clients and the other examples ask
     * {@code ?wsdl}, which is also the query the WSS Gate filter lets through unauthenticated on a
     * protected path ({@code allow-wsdl-get}).
     */
    static final class WsdlQueryServlet extends MessageDispatcherServlet {
        private static final long serialVersionUID = 1L;
        private final transient WsdlDefinition wsdl;

        WsdlQueryServlet(WsdlDefinition wsdl) {
            this.wsdl = wsdl;
        }

        @Override
        protected WsdlDefinition getWsdlDefinition(HttpServletRequest request) {
            if ("GET".equals(request.getMethod()) && "wsdl".equalsIgnoreCase(request.getQueryString())) {
                return wsdl;
            }
            return super.getWsdlDefinition(request);
        }
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
