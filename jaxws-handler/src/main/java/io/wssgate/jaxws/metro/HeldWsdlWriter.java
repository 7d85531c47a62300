package io.wssgate.jaxws.metro;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XMLStreamWriter that holds the document's content, transforms it once its root element is
 * complete, and writes the result to the writer Metro gave. Metro writes the start and end of the
 * document on its own writer, around what it writes to this one, so the root's end is the signal.
 * Holding is fine here: a WSDL is small and this process's own.
 */
final class HeldWsdlWriter implements XMLStreamWriter {
    /** The transformation of the finished document (bytes in, bytes out). */
    interface Transform {
        byte[] apply(byte[] document) throws IOException;
    }

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = newInputFactory();

    private final XMLStreamWriter target;
    private final Transform transform;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter held;
    private boolean written;
    /** Open elements: the document is complete when the root closes. */
    private int depth;

    HeldWsdlWriter(XMLStreamWriter target, Transform transform) {
        this.target = target;
        this.transform = transform;
        try {
            this.held = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("no StAX writer", e);
        }
    }

    private static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private void writeOut() throws XMLStreamException {
        if (written) {
            return;
        }
        written = true;
        held.flush();
        held.close();
        byte[] out;
        try {
            out = transform.apply(bytes.toByteArray());
        } catch (IOException e) {
            out = bytes.toByteArray();
        }
        XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(out));
        try {
            copy(reader, target);
        } finally {
            reader.close();
        }
        target.flush();
    }

    private static void copy(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    w.writeStartElement(prefix, r.getLocalName(), ns);
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        if (p == null || p.isEmpty()) {
                            w.writeDefaultNamespace(r.getNamespaceURI(i));
                        } else {
                            w.writeNamespace(p, r.getNamespaceURI(i));
                        }
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ans = r.getAttributeNamespace(i);
                        if (ans == null || ans.isEmpty()) {
                            w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        } else {
                            w.writeAttribute(r.getAttributePrefix(i), ans, r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> w.writeEndElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> w.writeCharacters(r.getText());
                case XMLStreamConstants.CDATA -> w.writeCData(r.getText());
                case XMLStreamConstants.COMMENT -> w.writeComment(r.getText());
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> w.writeProcessingInstruction(r.getPITarget(), r.getPIData());
                default -> {
                    // start and end of the document: the target's owner writes them
                }
            }
        }
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        writeOut();
        target.writeEndDocument();
    }

    @Override
    public void close() throws XMLStreamException {
        writeOut();
        target.close();
    }

    @Override
    public void flush() throws XMLStreamException {
        held.flush();
    }

    // everything else is held until the document is complete

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        depth++;
        held.writeStartElement(localName);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        depth++;
        held.writeStartElement(namespaceURI, localName);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        depth++;
        held.writeStartElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        held.writeEmptyElement(namespaceURI, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        held.writeEmptyElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        held.writeEmptyElement(localName);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        held.writeEndElement();
        if (--depth == 0) {
            held.writeEndDocument();
            writeOut();
        }
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        held.writeAttribute(localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value) throws XMLStreamException {
        held.writeAttribute(prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        held.writeAttribute(namespaceURI, localName, value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        held.writeNamespace(prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        held.writeDefaultNamespace(namespaceURI);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        held.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        held.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        held.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        held.writeCData(data);
    }

    @Override
    public void writeDTD(String dtd) throws XMLStreamException {
        // a WSDL has none; the parser that reads it back refuses one
        throw new XMLStreamException("a DTD in a WSDL is not passed on");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        held.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        target.writeStartDocument();
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        target.writeStartDocument(version);
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        target.writeStartDocument(encoding, version);
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        held.writeCharacters(text);
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        held.writeCharacters(text, start, len);
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return held.getPrefix(uri);
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        held.setPrefix(prefix, uri);
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        held.setDefaultNamespace(uri);
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        held.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return held.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return held.getProperty(name);
    }
}
