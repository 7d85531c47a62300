package io.wssgate.examples.boot;

import io.wssgate.identity.WssPrincipal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;
import org.w3c.dom.Element;

/**
 * The SOAP operations, as Spring-WS payload endpoints. WSS Gate's filter has validated the
 * message before Spring-WS sees it, so the caller is in the SecurityContext as a
 * {@code WssGateAuthentication} whose principal is the {@link WssPrincipal}.
 */
@Endpoint
public class WhoAmIEndpoint {

    /** {@code whoami}: the caller's name and roles, for anyone the policy accepts. */
    @PayloadRoot(namespace = ExampleXml.NS, localPart = "whoami")
    @ResponsePayload
    public Element whoami() {
        WssPrincipal caller = caller();
        List<String> roles = caller.roles().stream().sorted().toList();
        return ExampleXml.whoamiResponse(caller.name(), roles);
    }

    /** {@code adminReport}: only for callers with role {@code admin}; others get a Client SOAP fault. */
    @PayloadRoot(namespace = ExampleXml.NS, localPart = "adminReport")
    @PreAuthorize("hasRole('admin')")
    @ResponsePayload
    public Element adminReport() {
        return ExampleXml.adminReportResponse("Admin report for " + caller().name() + ": all systems nominal.");
    }

    private static WssPrincipal caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (WssPrincipal) authentication.getPrincipal();
    }
}
