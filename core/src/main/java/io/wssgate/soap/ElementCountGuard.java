package io.wssgate.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Counts a message's elements with a streaming pass before any DOM is built. Element count is
 * what makes a message expensive (DOM memory, the ID walk, canonicalisation and digests all
 * grow with it), and a few bytes per element let ten megabytes carry millions of them; the
 * streaming pass stops at the first element over the bound, so such a message costs a fraction
 * of a second and no heap. Messages whose bytes alone bound their elements below the limit
 * skip the pass ({@link StartTagBound}). The pass uses the same hardening as the DOM parse (no DOCTYPE, no
 * external access), so it can never be the weaker of the two.
 */
final class ElementCountGuard {
    private static final String JDK_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/";

    private final int maxElements;
    private final int maxDepth;
    private final int maxAttributes;
    private final int maxNameLength;
    private final SAXParserFactory factory = newFactory();

    ElementCountGuard(int maxElements, int maxDepth, int maxAttributes, int maxNameLength) {
        this.maxElements = maxElements;
        this.maxDepth = maxDepth;
        this.maxAttributes = maxAttributes;
        this.maxNameLength = maxNameLength;
    }

    /**
     * Throws if {@code message} has more than the allowed number of elements (or, when the
     * streaming pass runs, is not well-formed). A message whose bytes alone prove it within the
     * bound ({@link StartTagBound}: the usual case) skips the streaming pass; its DOM parse, with
     * the same hardening, checks well-formedness, depth, attributes and names.
     */
    void check(byte[] message) throws SAXException, IOException {
        if (StartTagBound.atMost(message, maxElements)) {
            return;
        }
        try {
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty(JDK_PROPERTY + "maxElementDepth", maxDepth);
            parser.setProperty(JDK_PROPERTY + "elementAttributeLimit", maxAttributes);
            parser.setProperty(JDK_PROPERTY + "maxXMLNameLimit", maxNameLength);
            parser.parse(new ByteArrayInputStream(message), new Counter(maxElements));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    private static final class Counter extends DefaultHandler {
        private final int max;
        private int count;

        Counter(int max) {
            this.max = max;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (++count > max) {
                throw new SAXException("more than " + max + " elements (limits.max-elements)");
            }
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public org.xml.sax.InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException("external entity refused: " + systemId);
        }
    }

    private static SAXParserFactory newFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            for (var feature : HardenedParser.HARDENING_FEATURES.entrySet()) {
                f.setFeature(feature.getKey(), feature.getValue());
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser does not support secure processing", e);
        }
        return f;
    }
}
