package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.server.SDDocument;
import com.sun.xml.ws.api.server.SDDocumentFilter;
import io.wssgate.config.PolicyConfig;
import io.wssgate.wsdl.WsdlPolicyPublisher;
import javax.xml.stream.XMLStreamWriter;

/**
 * Metro's hook on the WSDL documents an endpoint serves ({@code ?wsdl}): each WSDL document is
 * held while Metro writes it (with its addresses already patched), gets the endpoint policy's
 * WS-SecurityPolicy attached by {@link WsdlPolicyPublisher}, and is then written on. Schemas pass
 * untouched; a WSDL without SOAP bindings comes out as it went in.
 */
final class PolicyWsdlFilter implements SDDocumentFilter {
    private final WsdlPolicyPublisher publisher;

    PolicyWsdlFilter(PolicyConfig policy) {
        this.publisher = new WsdlPolicyPublisher(policy);
    }

    @Override
    public XMLStreamWriter filter(SDDocument doc, XMLStreamWriter w) {
        return doc.isWSDL() ? new HeldWsdlWriter(w, publisher::publish) : w;
    }
}
