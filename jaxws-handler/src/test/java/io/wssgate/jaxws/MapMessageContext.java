package io.wssgate.jaxws;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/** The smallest SOAPMessageContext a runtime could pass: a map, scopes, and the message. */
class MapMessageContext extends HashMap<String, Object> implements SOAPMessageContext {
    private static final long serialVersionUID = 1L;
    private final Map<String, Scope> scopes = new HashMap<>();
    private transient SOAPMessage message;

    MapMessageContext(SOAPMessage message, boolean outbound) {
        this.message = message;
        direction(outbound);
    }

    void direction(boolean outbound) {
        put(MESSAGE_OUTBOUND_PROPERTY, outbound);
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
        throw new UnsupportedOperationException();
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
        return scopes.getOrDefault(name, Scope.HANDLER);
    }
}
