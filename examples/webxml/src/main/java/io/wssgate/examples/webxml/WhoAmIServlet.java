package io.wssgate.examples.webxml;

import io.wssgate.InboundOutcome;
import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * The example service: answers {@code whoami} with the caller WSS Gate authenticated. It contains
 * no security code at all; the filter in front of it (web.xml) has validated the message before
 * this runs, and a message it refused never gets here.
 */
public class WhoAmIServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal caller = request.getUserPrincipal();
        // the request WSS Gate accepted (docs/getting-started-filter.md, "What the application sees")
        Optional<InboundOutcome.Accepted> accepted = WssGateFilter.accepted(request);
        Optional<SoapEnvelope> envelope = SoapEnvelope.of(accepted.map(a -> a.document()).orElse(null));
        if (caller == null || envelope.isEmpty()) {
            // Only reachable when the filter is not in front of this servlet: fail closed.
            send(response, 500, SoapEnvelope.SOAP11_CONTENT_TYPE,
                    WhoAmIReplies.fault(SoapEnvelope.SOAP11_NS, "Server", "no authenticated caller"));
            return;
        }
        SoapEnvelope soap = envelope.get();
        Element operation = soap.firstBodyElement().orElse(null);
        if (operation == null || !WhoAmIReplies.NAMESPACE.equals(operation.getNamespaceURI())
                || !WhoAmIReplies.OPERATION.equals(operation.getLocalName())) {
            send(response, 500, soap.contentType(), WhoAmIReplies.fault(soap.namespace(),
                    soap.clientFaultCode(), "unknown operation; this service only answers {urn:wssgate:example}whoami"));
            return;
        }
        send(response, 200, soap.contentType(), WhoAmIReplies.whoamiResponse(soap.namespace(), caller.getName(),
                roles(accepted.get())));
    }

    /**
     * The Servlet API can test a role ({@code isUserInRole}) but not list them, so the list comes
     * from the principal of the request WSS Gate accepted.
     */
    private static List<String> roles(InboundOutcome.Accepted accepted) {
        return List.copyOf(new TreeSet<>(accepted.principal().roles()));
    }

    /** {@code GET /whoami?wsdl}: the contract, for client generators (WSS Gate lets WSDL requests through). */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getQueryString() == null || !request.getQueryString().equalsIgnoreCase("wsdl")) {
            response.sendError(404);
            return;
        }
        String wsdl;
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/whoami.wsdl")) {
            wsdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        send(response, 200, "text/xml; charset=utf-8",
                wsdl.replace("REPLACE_WITH_ACTUAL_URL", WhoAmIReplies.escape(request.getRequestURL().toString())));
    }

    private static void send(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

}
