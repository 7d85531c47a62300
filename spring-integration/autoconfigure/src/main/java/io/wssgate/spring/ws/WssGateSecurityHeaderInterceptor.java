package io.wssgate.spring.ws;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.filter.WssGateFilter;
import io.wssgate.soap.Namespaces;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.SoapVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.server.SmartEndpointInterceptor;
import org.springframework.ws.soap.SoapHeaderElement;
import org.springframework.ws.soap.server.SoapEndpointInterceptor;
import org.springframework.ws.transport.context.TransportContext;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;

/**
 * Tells a Spring-WS server that the {@code wsse:Security} header is understood, but only on a
 * request the WSS Gate Servlet filter has validated. WS-Security senders mark that header
 * {@code mustUnderstand="1"}, and Spring-WS answers a MustUnderstand fault for any such header
 * no endpoint interceptor claims; the filter has checked it before Spring-WS runs (a message
 * whose header fails never gets this far), so claiming it there is true.
 *
 * <p>On a path no policy guards the filter never ran, nothing checked the header, and claiming it
 * would silently accept an unchecked signature: there the header stays not understood, so the
 * sender's {@code mustUnderstand} keeps protecting it. The decision is made per request from the
 * filter's request attribute, not from the path, so it cannot drift from the policies' paths.
 *
 * <p>Only the one Security header that policy processed is claimed, decided by the same
 * {@code SecurityHeaderRule} the validator applies (the policy's {@code security-header} settings:
 * no actor/role or an own actor, and {@code next} unless switched off). A header for any other
 * actor was checked by nobody here, so its mustUnderstand must still stop the message.
 *
 * <p>As a {@link SmartEndpointInterceptor} bean it is picked up from the context by every
 * Spring-WS endpoint mapping; it does nothing besides claiming the header.
 */
public final class WssGateSecurityHeaderInterceptor implements SmartEndpointInterceptor, SoapEndpointInterceptor {
    static final QName SECURITY = Namespaces.SECURITY_HEADER;

    private final WssGate gate;

    /** {@code gate}: the engine whose filter validates the requests, to look up each request's policy. */
    public WssGateSecurityHeaderInterceptor(WssGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public boolean shouldIntercept(MessageContext messageContext, Object endpoint) {
        return validatingPolicy().isPresent();
    }

    /**
     * Checked here too, not only in {@link #shouldIntercept}: an application that adds this
     * interceptor by hand (through a {@code WsConfigurer}) bypasses {@code shouldIntercept}.
     */
    @Override
    public boolean understands(SoapHeaderElement header) {
        if (!SECURITY.equals(header.getName())) {
            return false;
        }
        Optional<HttpServletRequest> request = currentRequest();
        Optional<PolicyRuntime> policy = request.flatMap(this::validatingPolicy);
        return policy.isPresent() && new ServerExchange(policy.get())
                .processesSecurityHeader(SoapVersion.fromContentType(request.get().getContentType()),
                        header.getActorOrRole());
    }

    private Optional<PolicyRuntime> validatingPolicy() {
        return currentRequest().flatMap(this::validatingPolicy);
    }

    /** The filter exposes the accepted request only on a request whose WS-Security header it accepted. */
    private Optional<PolicyRuntime> validatingPolicy(HttpServletRequest request) {
        return WssGateFilter.accepted(request).flatMap(accepted -> gate.policy(accepted.policy()));
    }

    private static Optional<HttpServletRequest> currentRequest() {
        TransportContext context = TransportContextHolder.getTransportContext();
        if (context == null || !(context.getConnection() instanceof HttpServletConnection connection)) {
            return Optional.empty();
        }
        return Optional.of(connection.getHttpServletRequest());
    }

    @Override
    public boolean handleRequest(MessageContext messageContext, Object endpoint) {
        return true;
    }

    @Override
    public boolean handleResponse(MessageContext messageContext, Object endpoint) {
        return true;
    }

    @Override
    public boolean handleFault(MessageContext messageContext, Object endpoint) {
        return true;
    }

    @Override
    public void afterCompletion(MessageContext messageContext, Object endpoint, Exception ex) {
        // nothing to clean up
    }
}
