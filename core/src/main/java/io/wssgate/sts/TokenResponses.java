package io.wssgate.sts;

import io.wssgate.config.MessageLimits;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.SoapEnvelope;
import io.wssgate.soap.Documents;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads what the STS answered, with the same hardened parser as any inbound message: a SOAP
 * fault becomes an {@link StsException} with the STS's code and reason; an Issue response
 * yields the SAML assertion and its expiry; a Validate response yields the status.
 */
final class TokenResponses {
    private static final HardenedParser PARSER = new HardenedParser(MessageLimits.defaults());
    private static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    private TokenResponses() {
    }

    /** The issued assertion (in its own document) and when it expires. */
    record Issued(Element assertion, Instant expires) {
    }

    static Issued issued(URI sts, byte[] response, boolean saml2) throws StsException {
        SoapEnvelope envelope = parse(sts, response);
        Element requested = first(envelope.body(), WsTrust.NS, "RequestedSecurityToken")
                .orElseThrow(() -> new StsException(sts, "no RequestedSecurityToken in the response"));
        Element assertion = firstElementChild(requested)
                .filter(e -> "Assertion".equals(e.getLocalName()) && (saml2 ? SAML2 : SAML1).equals(e.getNamespaceURI()))
                .orElseThrow(() -> new StsException(sts, "unexpected token: expected a SAML "
                        + (saml2 ? "2.0" : "1.1") + " assertion"));
        Instant expires = first(envelope.body(), WsTrust.NS, "Lifetime")
                .flatMap(lifetime -> first(lifetime, WsTrust.WSU, "Expires"))
                .map(e -> parseInstant(e.getTextContent()))
                .or(() -> notOnOrAfter(assertion))
                .orElseThrow(() -> new StsException(sts, "the issued token has no expiry"));
        return new Issued(Documents.detachedCopy(assertion), expires);
    }

    static boolean valid(URI sts, byte[] response) throws StsException {
        SoapEnvelope envelope = parse(sts, response);
        Element status = first(envelope.body(), WsTrust.NS, "Status")
                .orElseThrow(() -> new StsException(sts, "no Status in the Validate response"));
        return first(status, WsTrust.NS, "Code").map(c -> WsTrust.STATUS_VALID.equals(c.getTextContent().trim()))
                .orElse(false);
    }

    private static SoapEnvelope parse(URI sts, byte[] response) throws StsException {
        SoapEnvelope envelope;
        try {
            envelope = PARSER.parse(response);
        } catch (MalformedMessageException e) {
            throw new StsException(sts, "the response is not a SOAP message: " + e.getMessage(), e);
        }
        Optional<Element> fault = first(envelope.body(), envelope.version().envelopeNamespace(), "Fault");
        if (fault.isPresent()) {
            throw new StsException(sts, "SOAP fault " + faultText(fault.get()));
        }
        return envelope;
    }

    private static String faultText(Element fault) {
        String code = first(fault, "", "faultcode").or(() -> first(fault, fault.getNamespaceURI(), "Value"))
                .map(e -> e.getTextContent().trim()).orElse("?");
        String reason = first(fault, "", "faultstring").or(() -> first(fault, fault.getNamespaceURI(), "Text"))
                .map(e -> e.getTextContent().trim()).orElse("");
        return code + " (" + reason + ")";
    }

    private static Optional<Instant> notOnOrAfter(Element assertion) {
        NodeList conditions = assertion.getElementsByTagNameNS(assertion.getNamespaceURI(), "Conditions");
        if (conditions.getLength() == 0) {
            return Optional.empty();
        }
        String value = ((Element) conditions.item(0)).getAttributeNS(null, "NotOnOrAfter");
        return value.isEmpty() ? Optional.empty() : Optional.of(parseInstant(value));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        }
    }

    private static Optional<Element> first(Element scope, String ns, String localName) {
        NodeList list = ns.isEmpty() ? scope.getElementsByTagName(localName) : scope.getElementsByTagNameNS(ns, localName);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }

    private static Optional<Element> firstElementChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }
}
