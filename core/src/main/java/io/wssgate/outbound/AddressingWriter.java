package io.wssgate.outbound;

import io.wssgate.addressing.AddressingVersion;
import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.Documents;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.addressing.OutgoingAddressing;
import io.wssgate.spi.OutboundSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.WSEncryptionPart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Puts the WS-Addressing headers an outbound message is to carry into its Header, keeping those
 * the runtime already wrote (in their version), and names every addressing header block for the
 * signature, so that a receiver can rely on where the message is going and what it answers.
 */
final class AddressingWriter {
    private AddressingWriter() {
    }

    /** Adds what {@code wanted} names and the message lacks; the MessageID the message carries then. */
    static Optional<String> write(Document soap, Optional<OutgoingAddressing> wanted) throws OutboundSecurityException {
        AddressingHeaders present = read(soap);
        if (wanted.isEmpty()) {
            return present.messageIdValue();
        }
        OutgoingAddressing add = wanted.get();
        AddressingVersion version = present.version().orElse(add.version());
        Element header = header(soap);
        if (present.to().isEmpty()) {
            add.to().ifPresent(to -> append(header, version, "To", to));
        }
        if (present.action().isEmpty()) {
            add.action().ifPresent(action -> append(header, version, "Action", action));
        }
        if (present.messageId().isEmpty()) {
            append(header, version, "MessageID", add.messageId());
        }
        if (add.relatesTo().isPresent() && !present.relatesToValues().contains(add.relatesTo().get())) {
            append(header, version, "RelatesTo", add.relatesTo().get());
        }
        return Optional.of(present.messageIdValue().orElse(add.messageId()));
    }

    /** A signature part for each name of addressing header block the message carries. */
    static List<WSEncryptionPart> partsToSign(Document soap) {
        Set<QName> names = new LinkedHashSet<>();
        headerBlocks(soap).stream().filter(b -> AddressingVersion.fromNamespace(b.getNamespaceURI()).isPresent())
                .forEach(b -> names.add(new QName(b.getNamespaceURI(), b.getLocalName())));
        List<WSEncryptionPart> parts = new ArrayList<>();
        names.forEach(n -> parts.add(new WSEncryptionPart(n.getLocalPart(), n.getNamespaceURI(), "Element")));
        return parts;
    }

    private static AddressingHeaders read(Document soap) throws OutboundSecurityException {
        try {
            return AddressingHeaders.read(headerBlocks(soap));
        } catch (MalformedMessageException e) {
            throw new OutboundSecurityException("the message's WS-Addressing headers: " + e.getMessage(), e);
        }
    }

    private static List<Element> headerBlocks(Document soap) {
        Element envelope = soap.getDocumentElement();
        for (Element child : Documents.childElements(envelope)) {
            if ("Header".equals(child.getLocalName()) && envelope.getNamespaceURI().equals(child.getNamespaceURI())) {
                return Documents.childElements(child);
            }
        }
        return List.of();
    }

    /** The Envelope's Header, created before the Body when there is none. */
    private static Element header(Document soap) {
        Element envelope = soap.getDocumentElement();
        String soapNs = envelope.getNamespaceURI();
        List<Element> children = Documents.childElements(envelope);
        if (!children.isEmpty() && "Header".equals(children.get(0).getLocalName())
                && soapNs.equals(children.get(0).getNamespaceURI())) {
            return children.get(0);
        }
        String prefix = envelope.getPrefix();
        Element header = soap.createElementNS(soapNs, prefix == null ? "Header" : prefix + ":Header");
        envelope.insertBefore(header, children.isEmpty() ? null : children.get(0));
        return header;
    }

    private static void append(Element header, AddressingVersion version, String name, String value) {
        Element block = header.getOwnerDocument().createElementNS(version.namespace(), "wsa:" + name);
        block.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsa", version.namespace());
        block.setTextContent(value);
        header.appendChild(block);
    }
}
