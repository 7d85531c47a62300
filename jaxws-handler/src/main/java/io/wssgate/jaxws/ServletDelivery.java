package io.wssgate.jaxws;

import io.wssgate.soap.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.handler.MessageContext;

/**
 * How a request reached the endpoint, read from the HTTP request the runtime exposes as
 * {@link MessageContext#SERVLET_REQUEST} (Metro and CXF in a servlet container do). The
 * Servlet API is touched only when that property is set, so the handler also loads on a
 * runtime without it; there the delivery is unknown.
 */
public final class ServletDelivery {
    private ServletDelivery() {
    }

    static Delivery of(MessageContext context) {
        return ofRequest(context.get(MessageContext.SERVLET_REQUEST));
    }

    /** From the value of {@link MessageContext#SERVLET_REQUEST}, which may be null. */
    public static Delivery ofRequest(Object request) {
        return request == null ? Delivery.unknown() : fromServlet(request);
    }

    private static Delivery fromServlet(Object request) {
        if (request instanceof HttpServletRequest http) {
            return Delivery.http(http.getMethod(), http.getRequestURL().toString(), http.getRequestURI(),
                    http.getRemoteAddr());
        }
        return Delivery.unknown();
    }
}
