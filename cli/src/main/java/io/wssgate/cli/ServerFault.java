package io.wssgate.cli;

import io.wssgate.config.MessageLimits;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.Namespaces;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SOAP fault in a response: its code as written (e.g. {@code wsse:FailedCheck}), its text, and
 * the correlation id WSS Gate puts in its detail. {@code wsSecurity}: the code is a WS-Security one,
 * the server's security layer refused the request.
 */
record ServerFault(String code, String text, boolean wsSecurity, Optional<String> correlationId) {

    static Optional<ServerFault> of(byte[] response) {
        Document document;
        try {
            document = new HardenedParser(MessageLimits.defaults()).parseDocument(response);
        } catch (MalformedMessageException e) {
            return Optional.empty();
        }
        Element fault = find(document.getDocumentElement(), "Fault");
        if (fault == null) {
            return Optional.empty();
        }
        Element code = find(fault, "faultcode");
        Element subcode = find(fault, "Subcode");
        Element codeValue = subcode != null ? find(subcode, "Value") : code != null ? code : find(fault, "Value");
        String codeText = codeValue == null ? "?" : codeValue.getTextContent().strip();
        boolean wsse = codeValue != null && isWsse(codeValue, codeText);
        Element text = find(fault, "faultstring");
        if (text == null) {
            text = find(fault, "Text");
        }
        Element correlation = find(fault, "CorrelationId");
        return Optional.of(new ServerFault(codeText, text == null ? "" : text.getTextContent().strip(), wsse,
                Optional.ofNullable(correlation).map(c -> c.getTextContent().strip())));
    }

    private static boolean isWsse(Element value, String code) {
        int colon = code.indexOf(':');
        String namespace = colon > 0 ? value.lookupNamespaceURI(code.substring(0, colon)) : null;
        return Namespaces.WSSE.equals(namespace);
    }

    private static Element find(Element root, String localName) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return e;
                }
                Element deeper = find(e, localName);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }
}
