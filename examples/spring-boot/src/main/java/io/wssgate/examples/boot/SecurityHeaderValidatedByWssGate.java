package io.wssgate.examples.boot;

import javax.xml.namespace.QName;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.soap.SoapHeaderElement;
import org.springframework.ws.soap.server.SoapEndpointInterceptor;

/**
 * Tells Spring-WS that the {@code wsse:Security} header is understood. WS-Security senders mark
 * it {@code mustUnderstand="1"}, and Spring-WS answers a MustUnderstand fault for any such header
 * no endpoint interceptor claims. Here WSS Gate's Servlet filter has already validated it
 * before Spring-WS runs (a message whose header failed never gets this far), so claiming it is
 * true; this interceptor does nothing else.
 */
public final class SecurityHeaderValidatedByWssGate implements SoapEndpointInterceptor {
    static final QName SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security");

    @Override
    public boolean understands(SoapHeaderElement header) {
        return SECURITY.equals(header.getName());
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
