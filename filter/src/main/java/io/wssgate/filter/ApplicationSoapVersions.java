package io.wssgate.filter;

import io.wssgate.soap.SoapVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which SOAP versions the application that will serve a request speaks, for integrations that
 * can tell (the Spring Boot starter reads it from each Spring-WS {@code MessageDispatcherServlet}'s
 * message factory). With an answer, {@link WssGateFilter} refuses a message it accepted but the
 * application could not read, with a SOAP fault of its own, before the application runs: see
 * {@link SoapVersionGuard}. An empty set means unknown: nothing is checked (web.xml deployments).
 */
@FunctionalInterface
public interface ApplicationSoapVersions {

    /** The versions spoken by the application serving {@code request}; empty when unknown. */
    Set<SoapVersion> of(HttpServletRequest request);

    /** Knows nothing: every message the policy accepts reaches the application, as in web.xml deployments. */
    static ApplicationSoapVersions unknown() {
        return request -> Set.of();
    }
}
