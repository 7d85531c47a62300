package io.wssgate.spring.ws;

import io.wssgate.filter.ApplicationSoapVersions;
import io.wssgate.soap.SoapVersion;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.ws.WebServiceMessage;
import org.springframework.ws.WebServiceMessageFactory;
import org.springframework.ws.soap.SoapMessage;
import org.springframework.ws.transport.http.MessageDispatcherServlet;

/**
 * The SOAP version a Spring-WS server speaks, per request: the servlet the request is mapped to
 * ({@link HttpServletRequest#getHttpServletMapping()}); when that is a
 * {@link MessageDispatcherServlet} registered as a {@link ServletRegistrationBean}, the version
 * of the {@link WebServiceMessageFactory} it uses: the bean named by its
 * {@code messageFactoryBeanName} (default {@code messageFactory}), else Spring-WS's default
 * strategy, a SAAJ factory for SOAP 1.1. A Spring-WS message factory speaks exactly one version
 * (its {@code soapVersion}), so that is the only version the servlet can read. Any other servlet:
 * unknown, nothing checked. Found once per servlet, the first time it serves a request.
 */
public final class SpringWsSoapVersions implements ApplicationSoapVersions {
    private final ListableBeanFactory beans;
    private final ConcurrentMap<String, Set<SoapVersion>> byServlet = new ConcurrentHashMap<>();

    private SpringWsSoapVersions(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Reads the servlet registrations and message factories from {@code beans}, the application context. */
    public static ApplicationSoapVersions forBeans(ListableBeanFactory beans) {
        return new SpringWsSoapVersions(beans);
    }

    @Override
    public Set<SoapVersion> of(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getServletName() == null) {
            return Set.of();
        }
        return byServlet.computeIfAbsent(mapping.getServletName(), this::versionsOf);
    }

    @SuppressWarnings("rawtypes") // the registrations' servlet types vary
    private Set<SoapVersion> versionsOf(String servletName) {
        for (ServletRegistrationBean registration : beans.getBeansOfType(ServletRegistrationBean.class).values()) {
            if (servletName.equals(registration.getServletName())
                    && registration.getServlet() instanceof MessageDispatcherServlet dispatcher) {
                return versionOf(dispatcher).map(Set::of).orElse(Set.of());
            }
        }
        return Set.of();
    }

    private Optional<SoapVersion> versionOf(MessageDispatcherServlet dispatcher) {
        String name = dispatcher.getMessageFactoryBeanName();
        if (!beans.containsBean(name)) {
            return Optional.of(SoapVersion.SOAP_11);
        }
        WebServiceMessage message = beans.getBean(name, WebServiceMessageFactory.class).createWebServiceMessage();
        if (message instanceof SoapMessage soap) {
            return Optional.of(soap.getVersion() == org.springframework.ws.soap.SoapVersion.SOAP_12
                    ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11);
        }
        return Optional.empty();
    }
}
