package io.wssgate.jaxws;

import io.wssgate.soap.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a request reached the endpoint, read from the HTTP request the runtime exposes as
 * {@link MessageContext#SERVLET_REQUEST} (Metro and CXF in a servlet container do): its URL,
 * the sender's address, and its SOAPAction (header, or the SOAP 1.2 {@code action} parameter
 * of its Content-Type). The Servlet API is touched only when that property is set, so the
 * handler also loads on a runtime without it; there the SOAPAction comes from the HTTP headers
 * the runtime exposes ({@link MessageContext#HTTP_REQUEST_HEADERS}), the rest is unknown.
 */
public final class ServletDelivery {
    private ServletDelivery() {
    }

    static Delivery of(MessageContext context) {
        Object request = context.get(MessageContext.SERVLET_REQUEST);
        if (request != null) {
            return ofRequest(request);
        }
        return context.get(MessageContext.HTTP_REQUEST_HEADERS) instanceof Map<?, ?> headers
                ? new Delivery(Optional.empty(), Optional.empty(), io.wssgate.soap.SoapActions.of(
                        header(headers, "SOAPAction"), header(headers, "Content-Type")))
                : Delivery.unknown();
    }

    /** From the value of {@link MessageContext#SERVLET_REQUEST}, which may be null. */
    public static Delivery ofRequest(Object request) {
        return request == null ? Delivery.unknown() : fromServlet(request);
    }

    private static Delivery fromServlet(Object request) {
        if (request instanceof HttpServletRequest http) {
            return Delivery.http(http.getMethod(), http.getRequestURL().toString(), http.getRequestURI(),
                    http.getRemoteAddr(), http.getHeader("SOAPAction"), http.getContentType());
        }
        return Delivery.unknown();
    }

    /** The first value of an HTTP header, whatever the case of its name in the runtime's map. */
    private static String header(Map<?, ?> headers, String name) {
        for (Map.Entry<?, ?> e : headers.entrySet()) {
            if (e.getKey() instanceof String key && key.equalsIgnoreCase(name)
                    && e.getValue() instanceof List<?> values && !values.isEmpty()) {
                return String.valueOf(values.get(0));
            }
        }
        return null;
    }
}
