package io.wssgate.soap;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A parsed SOAP envelope whose structure has been checked: the root is an Envelope, followed
 * by at most one Header and then exactly one Body, with nothing else. {@link #body()} is the
 * one Body element the application will see, by position, never found by searching.
 */
public record SoapEnvelope(Document document, SoapVersion version, Optional<Element> header, Element body) {

    /** Checks the envelope shape; a message of any other shape is rejected. */
    public static SoapEnvelope of(Document document) throws MalformedMessageException {
        Element root = document.getDocumentElement();
        SoapVersion version = SoapVersion.forNamespace(root.getNamespaceURI())
                .filter(v -> "Envelope".equals(root.getLocalName()))
                .orElseThrow(() -> new MalformedMessageException("root element is not a SOAP 1.1 or 1.2 Envelope"));
        List<Element> children = Documents.childElements(root);
        Element header = null;
        int index = 0;
        if (!children.isEmpty() && isSoap(children.get(0), version, "Header")) {
            header = children.get(0);
            index = 1;
        }
        if (children.size() != index + 1 || !isSoap(children.get(index), version, "Body")) {
            throw new MalformedMessageException("Envelope must hold an optional Header followed by exactly one Body");
        }
        return new SoapEnvelope(document, version, Optional.ofNullable(header), children.get(index));
    }

    /** The direct child elements of the Header (empty without a Header). */
    public List<Element> headerBlocks() {
        return header.map(Documents::childElements).orElse(List.of());
    }

    private static boolean isSoap(Element e, SoapVersion version, String localName) {
        return version.envelopeNamespace().equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }
}
