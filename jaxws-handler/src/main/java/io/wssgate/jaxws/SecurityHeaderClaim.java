package io.wssgate.jaxws;

import io.wssgate.InboundOutcome;
import io.wssgate.soap.Namespaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.Iterator;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * For a JAX-WS endpoint on a runtime without a WSS Gate integration of its own (Apache CXF,
 * JBossWS on WildFly, ...) behind WSS Gate's Servlet filter or Jakarta Authentication module:
 * tells the runtime that the {@code wsse:Security} header is understood, so it does not refuse
 * every signed request with "MustUnderstand headers: [wsse:Security] are not understood". Declare
 * it in the endpoint's {@code @HandlerChain} file.
 *
 * <p>The claim is true only where WSS Gate checked the header, before the runtime ran: this
 * handler lets a request through only when the filter or module accepted it (the accepted request
 * is on the HTTP request). A request carrying a {@code mustUnderstand} Security header that WSS Gate
 * did not validate (a path no policy covers) gets the MustUnderstand fault the runtime would have
 * sent, so the sender's {@code mustUnderstand} keeps protecting it. The caller the endpoint sees
 * ({@code WebServiceContext.getUserPrincipal()}) is the one the filter or the container reports.
 */
public final class SecurityHeaderClaim implements SOAPHandler<SOAPMessageContext> {
    private static final Set<QName> HEADERS = Set.of(Namespaces.SECURITY_HEADER);

    @Override
    public Set<QName> getHeaders() {
        return HEADERS;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))
                || validatedByWssGate(context.get(MessageContext.SERVLET_REQUEST))) {
            return true;
        }
        try {
            SOAPHeader header = context.getMessage().getSOAPHeader();
            if (header != null && hasMustUnderstandSecurityHeader(header)) {
                throw new SOAPFaultException(notUnderstood(header));
            }
        } catch (SOAPException e) {
            throw new WebServiceException("cannot read the request's SOAP header", e);
        }
        return true;
    }

    private static boolean validatedByWssGate(Object servletRequest) {
        return servletRequest instanceof HttpServletRequest request
                && request.getAttribute(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted;
    }

    private static boolean hasMustUnderstandSecurityHeader(SOAPHeader header) {
        for (Iterator<SOAPHeaderElement> it = header.examineAllHeaderElements(); it.hasNext(); ) {
            SOAPHeaderElement element = it.next();
            if (Namespaces.SECURITY_HEADER.equals(element.getElementQName()) && element.getMustUnderstand()) {
                return true;
            }
        }
        return false;
    }

    private static SOAPFault notUnderstood(SOAPHeader header) throws SOAPException {
        boolean soap12 = SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE.equals(header.getNamespaceURI());
        SOAPFactory factory = SOAPFactory.newInstance(soap12 ? SOAPConstants.SOAP_1_2_PROTOCOL : SOAPConstants.SOAP_1_1_PROTOCOL);
        return factory.createFault("MustUnderstand headers: [" + Namespaces.SECURITY_HEADER + "] are not understood",
                new QName(header.getNamespaceURI(), "MustUnderstand"));
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
        // nothing held per exchange
    }
}
