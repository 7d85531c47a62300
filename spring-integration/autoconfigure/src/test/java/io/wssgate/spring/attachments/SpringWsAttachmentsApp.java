package io.wssgate.spring.attachments;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.Source;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.mime.Attachment;
import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;
import org.springframework.ws.soap.SoapMessage;
import org.springframework.ws.config.annotation.EnableWs;
import org.springframework.ws.transport.http.MessageDispatcherServlet;
import org.springframework.xml.transform.StringSource;

/**
 * A Spring-WS application that takes documents as SOAP with Attachments, as an application writes
 * it: its endpoint reads the request's attachments from Spring-WS's {@link SoapMessage} and
 * answers with the caller Spring Security knows and each attachment's Content-ID, type and
 * SHA-256; another answers with an SwA attachment of its own. Spring Security lets every request
 * through: what decides is WSS Gate.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWs
class SpringWsAttachmentsApp {
    static final String NS = "urn:wssgate:test:documents";
    static final byte[] REPORT = "%PDF-1.7 the report, answered as an attachment"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Bean
    ServletRegistrationBean<MessageDispatcherServlet> messageDispatcherServlet(ApplicationContext context) {
        MessageDispatcherServlet servlet = new MessageDispatcherServlet();
        servlet.setApplicationContext(context);
        return new ServletRegistrationBean<>(servlet, "/documents/*");
    }

    @Bean
    SecurityFilterChain everyRequestThrough(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    @Endpoint
    static class DocumentEndpoint {
        static final AtomicInteger INVOCATIONS = new AtomicInteger();

        @PayloadRoot(namespace = NS, localPart = "upload")
        @ResponsePayload
        Source upload(@RequestPayload Source request, MessageContext context) throws Exception {
            INVOCATIONS.incrementAndGet();
            SoapMessage message = (SoapMessage) context.getRequest();
            TreeMap<String, String> seen = new TreeMap<>();
            for (Iterator<Attachment> it = message.getAttachments(); it.hasNext(); ) {
                Attachment a = it.next();
                byte[] content = a.getInputStream().readAllBytes();
                seen.put(a.getContentId().replace("<", "").replace(">", ""), a.getContentType() + " sha256="
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            }
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            return new StringSource("<d:uploadResponse xmlns:d=\"" + NS + "\"><return>principal="
                    + (caller == null ? "" : caller.getName()) + ";attachments=" + seen
                    + "</return></d:uploadResponse>");
        }

        /** Answers with the report as an SwA attachment of the response, as Spring-WS writes it. */
        @PayloadRoot(namespace = NS, localPart = "report")
        @ResponsePayload
        Source report(@RequestPayload Source request, MessageContext context) {
            ((SoapMessage) context.getResponse()).addAttachment("report@test",
                    new org.springframework.core.io.ByteArrayResource(REPORT), "application/pdf");
            return new StringSource("<d:reportResponse xmlns:d=\"" + NS + "\"><return>attached</return>"
                    + "</d:reportResponse>");
        }
    }
}
