package io.wssgate.spring.ws;

import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServletRequest;
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
 * <p>As a {@link SmartEndpointInterceptor} bean it is picked up from the context by every
 * Spring-WS endpoint mapping; it does nothing besides claiming the header.
 */
public final class WssGateSecurityHeaderInterceptor implements SmartEndpointInterceptor, SoapEndpointInterceptor {
    static final QName SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security");
    private static final String ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    @Override
    public boolean shouldIntercept(MessageContext messageContext, Object endpoint) {
        return validatedByWssGate();
    }

    /**
     * Checked here too, not only in {@link #shouldIntercept}: an application that adds this
     * interceptor by hand (through a {@code WsConfigurer}) bypasses {@code shouldIntercept}.
     */
    @Override
    public boolean understands(SoapHeaderElement header) {
        return SECURITY.equals(header.getName()) && addressedToUltimateReceiver(header) && validatedByWssGate();
    }

    /**
     * WSS Gate processes only the Security header with no actor/role (or the SOAP 1.2 ultimate
     * receiver role); one for another actor, such as SOAP 1.1 "next", was not checked by anyone
     * here, so its mustUnderstand must still stop the message.
     */
    private static boolean addressedToUltimateReceiver(SoapHeaderElement header) {
        String actor = header.getActorOrRole();
        return actor == null || actor.isEmpty() || ULTIMATE_RECEIVER.equals(actor);
    }

    /** The filter sets the policy attribute only on a request whose WS-Security header it accepted. */
    private static boolean validatedByWssGate() {
        TransportContext context = TransportContextHolder.getTransportContext();
        if (context == null || !(context.getConnection() instanceof HttpServletConnection connection)) {
            return false;
        }
        HttpServletRequest request = connection.getHttpServletRequest();
        return request.getAttribute(WssGateFilter.POLICY_ATTRIBUTE) != null;
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
