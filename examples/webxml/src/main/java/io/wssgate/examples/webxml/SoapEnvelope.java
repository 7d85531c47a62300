package io.wssgate.examples.webxml;

import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The verified request envelope WSS Gate hands over, read for its SOAP version and the operation element. */
final class SoapEnvelope {
    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8";
    static final String SOAP12_CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private final Element envelope;

    private SoapEnvelope(Element envelope) {
        this.envelope = envelope;
    }

    /** The envelope of the DOM the filter verified (the accepted request's verified document), if any. */
    static Optional<SoapEnvelope> of(Object document) {
        if (document instanceof Document d && d.getDocumentElement() != null) {
            String ns = d.getDocumentElement().getNamespaceURI();
            if (SOAP11_NS.equals(ns) || SOAP12_NS.equals(ns)) {
                return Optional.of(new SoapEnvelope(d.getDocumentElement()));
            }
        }
        return Optional.empty();
    }

    String namespace() {
        return envelope.getNamespaceURI();
    }

    boolean soap12() {
        return SOAP12_NS.equals(namespace());
    }

    String contentType() {
        return soap12() ? SOAP12_CONTENT_TYPE : SOAP11_CONTENT_TYPE;
    }

    /** "Client" in SOAP 1.1, "Sender" in SOAP 1.2: the request itself is wrong. */
    String clientFaultCode() {
        return soap12() ? "Sender" : "Client";
    }

    /** The first element inside the Body (the filter has already checked there is exactly one Body). */
    Optional<Element> firstBodyElement() {
        for (Node n = envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace().equals(e.getNamespaceURI()) && "Body".equals(e.getLocalName())) {
                return firstElement(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
