package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The Servlet side of core's {@link ServerExchange}, shared by every Servlet transport (the
 * filter, the Jakarta Authentication module): which step a request on a protected path takes,
 * reading its body within the policy's limit, answering with a fault, and handing the accepted
 * message to the application. It decides nothing about security: that is the exchange's.
 */
public final class ServletTransport {
    /** What a request on a path some policy covers gets. */
    public enum Step {
        /** a POST: the message is validated */
        VALIDATE,
        /** {@code GET ?wsdl} / {@code ?xsd=} where the policy allows it: passes unauthenticated */
        METADATA,
        /** any other method: refused with 405 and a fault */
        REFUSE_METHOD
    }

    private ServletTransport() {
    }

    /** The path policies match against: servlet path plus path info, relative to the context. */
    public static String contextRelativePath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The step a request to a path {@code policy} covers takes. */
    public static Step step(PolicyRuntime policy, HttpServletRequest request) {
        if ("POST".equals(request.getMethod())) {
            return Step.VALIDATE;
        }
        if ("GET".equals(request.getMethod()) && policy.config().allowWsdlGet() && isMetadataQuery(request)) {
            return Step.METADATA;
        }
        return Step.REFUSE_METHOD;
    }

    /**
     * Reads the request body within the policy's limits (a SOAP envelope, or a MIME package where
     * the policy enables attachments) and has the exchange judge it.
     */
    public static InboundOutcome receive(ServerExchange exchange, HttpServletRequest request) throws IOException {
        return exchange.receive(request.getInputStream(), request.getContentLengthLong(), request.getContentType(),
                delivery(request));
    }

    /** Refuses a method other than POST (and the allowed metadata GET) with 405 and a fault. */
    public static void refuseMethod(ServerExchange exchange, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Allow", "POST");
        FaultResponses.endConnectionIfUnread(request, response);
        FaultResponses.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, exchange.refuse(
                "HTTP method " + request.getMethod() + " refused on a protected path", request.getContentType(),
                delivery(request)));
    }

    /**
     * Answers a rejected message with its WS-Security fault (HTTP 500). A request refused before
     * its body was read to the end (over a size limit, too many MIME parts) ends its HTTP/1.x
     * connection ({@code Connection: close}).
     */
    public static void sendFault(HttpServletRequest request, HttpServletResponse response,
                                 InboundOutcome.Rejected rejected) throws IOException {
        FaultResponses.endConnectionIfUnread(request, response);
        FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, rejected);
    }

    /**
     * The request as the application reads it once the container knows the caller: the accepted
     * body (the received or decrypted message) and the accepted request as the attribute
     * {@link InboundOutcome.Accepted#KEY}; user, roles and auth type stay the container's. The
     * filter behind the module releases the accepted request (a MIME package's spooled file)
     * when the application is done.
     */
    public static HttpServletRequest withAcceptedBody(HttpServletRequest request, InboundOutcome.Accepted accepted) {
        return new AcceptedBodyRequest(request, accepted);
    }

    /** How the request arrived, for the exchange's log lines and observers. */
    public static Delivery delivery(HttpServletRequest request) {
        return Delivery.http(request.getMethod(), request.getRequestURL().toString(), request.getRequestURI(),
                request.getRemoteAddr(), request.getHeader("SOAPAction"), request.getContentType());
    }

    private static boolean isMetadataQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return q.equals("wsdl") || q.startsWith("wsdl=") || q.startsWith("xsd=") || q.equals("xsd");
    }
}
