package io.wssgate.benchmarks.exchange;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The SOAPMessageContext a JAX-WS runtime hands a handler for one exchange, reduced to what the
 * specification gives it: the properties with their scopes, the message, the direction, and the
 * request's HTTP headers (runtimes on HTTP set {@link #HTTP_REQUEST_HEADERS}).
 */
final class ExchangeMessageContext extends HashMap<String, Object> implements SOAPMessageContext {
    private static final long serialVersionUID = 1L;
    private final Map<String, Scope> scopes = new HashMap<>();
    private transient SOAPMessage message;

    ExchangeMessageContext(SOAPMessage request, String contentType) {
        this.message = request;
        put(MESSAGE_OUTBOUND_PROPERTY, Boolean.FALSE);
        put(HTTP_REQUEST_HEADERS, Map.of("Content-Type", List.of(contentType)));
        put(HTTP_REQUEST_METHOD, "POST");
    }

    /** The endpoint has answered: the response now travels back through the handlers. */
    void respond(SOAPMessage response) {
        this.message = response;
        put(MESSAGE_OUTBOUND_PROPERTY, Boolean.TRUE);
    }

    @Override
    public SOAPMessage getMessage() {
        return message;
    }

    @Override
    public void setMessage(SOAPMessage message) {
        this.message = message;
    }

    @Override
    public Object[] getHeaders(QName header, JAXBContext context, boolean allRoles) {
        throw new UnsupportedOperationException("getHeaders is not offered by the benchmark's message context");
    }

    @Override
    public Set<String> getRoles() {
        return Set.of();
    }

    @Override
    public void setScope(String name, Scope scope) {
        if (!containsKey(name)) {
            throw new IllegalArgumentException("no property " + name);
        }
        scopes.put(name, scope);
    }

    @Override
    public Scope getScope(String name) {
        if (!containsKey(name)) {
            throw new IllegalArgumentException("no property " + name);
        }
        return scopes.getOrDefault(name, Scope.HANDLER);
    }
}
