package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.SAML_12;
import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.AttackFixture.X509_12;
import static io.wssgate.testing.attacks.MessageDom.DS;
import static io.wssgate.testing.attacks.MessageDom.WSU;

import io.wssgate.fault.FaultCode;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XML signature wrapping and reference games. XSW1-XSW8 follow Somorovsky et al., "On Breaking
 * SAML" (2012), adapted to WS-Security: XSW1/2 target the message signature over the Body
 * (the paper's Response signature), XSW3-8 the IdP-signed assertion in the Security header
 * of a holder-of-key message. Each evil element names another subject or carries another
 * payload, so an accepted attack would change what the application is told.
 */
public final class WrappingAttacks {
    static final String CATEGORY = "Signature wrapping";
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    private WrappingAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        for (String path : List.of(X509, X509_12)) {
            String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
            // Metro cannot even build its SAAJ view of this envelope; the handler refuses it as unreadable
            attacks.add(onX509(f, path, "XSW1: signed Body moved into the ds:Signature, evil Body" + v,
                    WrappingAttacks::bodyIntoSignature, FaultCode.FAILED_CHECK)
                    .onHandlerExpecting(Attack.Outcome.fault(FaultCode.INVALID_SECURITY)));
            // Metro's SAAJ view of an envelope with a second Body in a header is not the wire
            // message: the core sees a malformed envelope there, and refuses it as such
            attacks.add(onX509(f, path, "XSW2: signed Body moved into the Security header, evil Body" + v,
                    WrappingAttacks::bodyIntoSecurityHeader, FaultCode.UNSUPPORTED_SECURITY_TOKEN)
                    .onHandlerExpecting(Attack.Outcome.fault(FaultCode.INVALID_SECURITY)));
            attacks.add(onX509(f, path, "signed Body moved into a header wrapper, evil Body without Id" + v,
                    doc -> bodyIntoHeaderWrapper(doc, false, null), FaultCode.FAILED_CHECK));
            // Metro rebuilds the Body element without the attacker's wsu:Id, so no duplicate is
            // left for the handler to see; the moved Body then covers nothing
            attacks.add(onX509(f, path, "signed Body moved into a header wrapper, evil Body with the original Id" + v,
                    doc -> bodyIntoHeaderWrapper(doc, true, null), FaultCode.INVALID_SECURITY)
                    .onHandlerExpecting(Attack.Outcome.fault(FaultCode.FAILED_CHECK)));
        }
        attacks.add(onX509(f, X509, "signed Body moved under a mustUnderstand=\"0\" header, evil Body",
                doc -> bodyIntoHeaderWrapper(doc, false, "0"), FaultCode.FAILED_CHECK));
        attacks.add(onX509(f, X509, "signed Timestamp moved under a mustUnderstand=\"0\" header, a copy left unsigned",
                WrappingAttacks::timestampIntoIgnorableHeader, FaultCode.FAILED_CHECK));
        attacks.add(onX509(f, X509, "the message signature moved under a mustUnderstand=\"0\" header",
                WrappingAttacks::signatureIntoIgnorableHeader, FaultCode.INVALID_SECURITY));
        for (String attribute : List.of("wsu:Id", "Id", "ID", "AssertionID")) {
            attacks.add(onX509(f, X509, "the Body's Id repeated as " + attribute + " on a decoy header",
                    doc -> decoyWithBodyId(doc, attribute), FaultCode.INVALID_SECURITY));
        }
        attacks.add(onX509(f, X509, "XPath transform in the Body reference",
                doc -> addTransform(doc, "http://www.w3.org/TR/1999/REC-xpath-19991116",
                        "<ds:XPath xmlns:ds=\"" + DS + "\">not(ancestor-or-self::*[local-name()='echo'])</ds:XPath>"),
                FaultCode.UNSUPPORTED_ALGORITHM));
        attacks.add(onX509(f, X509, "XPath-Filter2 transform in the Body reference",
                doc -> addTransform(doc, "http://www.w3.org/2002/06/xmldsig-filter2",
                        "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\" "
                                + "Filter=\"subtract\">//*[local-name()='echo']</dsig-xpath:XPath>"),
                FaultCode.UNSUPPORTED_ALGORITHM));
        attacks.add(onX509(f, X509, "empty reference URI (whole document) instead of the Body's Id",
                doc -> bodyReference(doc).setAttributeNS(null, "URI", ""), FaultCode.FAILED_CHECK));
        attacks.add(onX509(f, X509, "reference URI to an Id nothing carries",
                doc -> bodyReference(doc).setAttributeNS(null, "URI", "#no-such-id"), FaultCode.FAILED_CHECK));
        attacks.add(onX509(f, X509, "signature removed",
                doc -> MessageDom.security(doc).removeChild(MessageDom.signature(doc)), FaultCode.INVALID_SECURITY));
        attacks.add(onX509(f, X509, "Security header addressed to another actor",
                doc -> MessageDom.security(doc).setAttributeNS(MessageDom.soapNs(doc), "soap:actor",
                        "urn:someone:else"), FaultCode.INVALID_SECURITY));
        attacks.add(onX509(f, X509_12, "Security header addressed to another role (SOAP 1.2)",
                doc -> MessageDom.security(doc).setAttributeNS(MessageDom.soapNs(doc), "soap:role",
                        "urn:someone:else"), FaultCode.INVALID_SECURITY));
        attacks.add(onX509(f, X509, "two Security headers (a copy of the signed one)",
                doc -> MessageDom.header(doc).appendChild(MessageDom.security(doc).cloneNode(true)),
                FaultCode.INVALID_SECURITY));
        attacks.add(onX509(f, X509, "two Security headers: empty one for us, the signed one for another actor",
                WrappingAttacks::signedHeaderForAnotherActor, FaultCode.INVALID_SECURITY));
        for (String path : List.of(SAML, SAML_12)) {
            String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
            attacks.add(onSaml(f, path, "XSW3: unsigned evil assertion before the signed one" + v,
                    WrappingAttacks::evilAssertionBefore, FaultCode.INVALID_SECURITY_TOKEN));
            // the message signature's key reference now names an assertion nested in another one,
            // not a child of the Security header: refused before WSS4J looks at either assertion
            attacks.add(onSaml(f, path, "XSW4: unsigned evil assertion wrapping the signed one" + v,
                    WrappingAttacks::evilAssertionWrapping, FaultCode.INVALID_SECURITY));
            attacks.add(onSaml(f, path, "XSW5: evil assertion carries the signature, original appended unsigned" + v,
                    // the issuer signature names the original's ID, which the evil assertion lacks: it does not verify
                    WrappingAttacks::evilAssertionWithSignatureOriginalAppended, FaultCode.FAILED_CHECK));
            attacks.add(onSaml(f, path, "XSW6: evil assertion carries the signature, original inside it" + v,
                    WrappingAttacks::evilAssertionWithSignatureOriginalInside, FaultCode.INVALID_SECURITY));
            attacks.add(onSaml(f, path, "XSW7: signed assertion in an Extensions wrapper, evil assertion after" + v,
                    WrappingAttacks::originalInExtensionsEvilAfter, FaultCode.UNSUPPORTED_SECURITY_TOKEN));
            attacks.add(onSaml(f, path, "XSW8: evil assertion with the signature, original in a ds:Object" + v,
                    WrappingAttacks::evilAssertionOriginalInObject, FaultCode.INVALID_SECURITY));
        }
        return attacks;
    }

    private static Attack onX509(AttackFixture f, String path, String name, java.util.function.Consumer<Document> edit,
                                 FaultCode expected) {
        return Attack.post(CATEGORY, name, path, () -> MessageDom.edit(f.x509(path).build(), edit), expected);
    }

    private static Attack onSaml(AttackFixture f, String path, String name, java.util.function.Consumer<Document> edit,
                                 FaultCode expected) {
        return Attack.post(CATEGORY, name, path, () -> MessageDom.edit(f.holderOfKey(path).build(), edit), expected);
    }

    // ---- message signature over the Body -------------------------------------------------------

    private static void bodyIntoSignature(Document doc) {
        Element body = MessageDom.body(doc);
        replaceBodyWithEvil(doc, body);
        MessageDom.signature(doc).appendChild(body);
    }

    private static void bodyIntoSecurityHeader(Document doc) {
        Element body = MessageDom.body(doc);
        replaceBodyWithEvil(doc, body);
        MessageDom.security(doc).insertBefore(body, MessageDom.signature(doc));
    }

    private static void bodyIntoHeaderWrapper(Document doc, boolean keepId, String mustUnderstand) {
        Element body = MessageDom.body(doc);
        Element evil = replaceBodyWithEvil(doc, body);
        Element wrapper = MessageDom.wrapper(doc, "Wrapper");
        if (mustUnderstand != null) {
            wrapper.setAttributeNS(MessageDom.soapNs(doc), "soap:mustUnderstand", mustUnderstand);
        }
        MessageDom.header(doc).appendChild(wrapper);
        wrapper.appendChild(body);
        if (keepId) {
            evil.setAttributeNS(MessageDom.XMLNS, "xmlns:wsu", WSU);
            evil.setAttributeNS(WSU, "wsu:Id", MessageDom.wsuId(body));
        }
    }

    /** Puts an evil Body where {@code body} was; the caller then moves {@code body} elsewhere. */
    private static Element replaceBodyWithEvil(Document doc, Element body) {
        Element evil = MessageDom.newBody(doc, AttackFixture.EVIL_BODY);
        doc.getDocumentElement().replaceChild(evil, body);
        return evil;
    }

    private static void timestampIntoIgnorableHeader(Document doc) {
        Element timestamp = MessageDom.timestamp(doc);
        Element copy = (Element) timestamp.cloneNode(true);
        copy.removeAttributeNS(WSU, "Id");
        Element wrapper = MessageDom.wrapper(doc, "Ignorable");
        wrapper.setAttributeNS(MessageDom.soapNs(doc), "soap:mustUnderstand", "0");
        MessageDom.header(doc).appendChild(wrapper);
        timestamp.getParentNode().replaceChild(copy, timestamp);
        wrapper.appendChild(timestamp);
    }

    private static void signatureIntoIgnorableHeader(Document doc) {
        Element wrapper = MessageDom.wrapper(doc, "Ignorable");
        wrapper.setAttributeNS(MessageDom.soapNs(doc), "soap:mustUnderstand", "0");
        MessageDom.header(doc).appendChild(wrapper);
        MessageDom.move(MessageDom.signature(doc), wrapper);
    }

    private static void decoyWithBodyId(Document doc, String attribute) {
        Element body = MessageDom.body(doc);
        Element decoy = MessageDom.wrapper(doc, "Decoy");
        if (attribute.equals("wsu:Id")) {
            decoy.setAttributeNS(MessageDom.XMLNS, "xmlns:wsu", WSU);
            decoy.setAttributeNS(WSU, "wsu:Id", MessageDom.wsuId(body));
        } else {
            decoy.setAttributeNS(null, attribute, MessageDom.wsuId(body));
        }
        // the decoy holds the signed content; the Body gets the evil payload
        decoy.appendChild(body.getFirstChild().cloneNode(true));
        body.replaceChild(MessageDom.fragment(doc, AttackFixture.EVIL_BODY), body.getFirstChild());
        MessageDom.header(doc).appendChild(decoy);
    }

    private static Element bodyReference(Document doc) {
        String bodyId = "#" + MessageDom.wsuId(MessageDom.body(doc));
        Element signedInfo = MessageDom.child(MessageDom.signature(doc), DS, "SignedInfo");
        for (Element reference : MessageDom.all(doc, DS, "Reference")) {
            if (reference.getParentNode() == signedInfo && bodyId.equals(reference.getAttribute("URI"))) {
                return reference;
            }
        }
        throw new IllegalArgumentException("no reference to the Body");
    }

    private static void addTransform(Document doc, String algorithm, String contentXml) {
        Element transforms = MessageDom.child(bodyReference(doc), DS, "Transforms");
        Element transform = doc.createElementNS(DS, "ds:Transform");
        transform.setAttributeNS(null, "Algorithm", algorithm);
        transform.appendChild(MessageDom.fragment(doc, contentXml));
        transforms.insertBefore(transform, transforms.getFirstChild());
    }

    private static void signedHeaderForAnotherActor(Document doc) {
        Element signed = MessageDom.security(doc);
        Element empty = (Element) signed.cloneNode(false);
        signed.setAttributeNS(MessageDom.soapNs(doc), "soap:actor", "urn:someone:else");
        MessageDom.header(doc).insertBefore(empty, signed);
    }

    // ---- the IdP's signature over the assertion (holder-of-key) ----------------------------------

    private static Element assertion(Document doc) {
        return MessageDom.first(doc, SAML2, "Assertion");
    }

    /** A copy of the signed assertion for "mallory" with a new ID and without its signature. */
    private static Element evilCopy(Element original) {
        Element evil = (Element) original.cloneNode(true);
        evil.setAttributeNS(null, "ID", "_evil-" + original.getAttribute("ID").replace("_", ""));
        Element signature = MessageDom.child(evil, DS, "Signature");
        if (signature != null) {
            evil.removeChild(signature);
        }
        var nameIds = evil.getElementsByTagNameNS(SAML2, "NameID");
        nameIds.item(0).setTextContent("mallory");
        return evil;
    }

    private static Element detachSignature(Element assertion) {
        Element signature = MessageDom.child(assertion, DS, "Signature");
        assertion.removeChild(signature);
        return signature;
    }

    private static void evilAssertionBefore(Document doc) {
        Element original = assertion(doc);
        original.getParentNode().insertBefore(evilCopy(original), original);
    }

    private static void evilAssertionWrapping(Document doc) {
        Element original = assertion(doc);
        Element evil = evilCopy(original);
        original.getParentNode().replaceChild(evil, original);
        evil.appendChild(original);
    }

    private static void evilAssertionWithSignatureOriginalAppended(Document doc) {
        Element original = assertion(doc);
        Element evil = evilCopy(original);
        Element signature = detachSignature(original);
        insertSignatureAfterIssuer(evil, signature);
        original.getParentNode().replaceChild(evil, original);
        MessageDom.security(doc).appendChild(original);
    }

    private static void evilAssertionWithSignatureOriginalInside(Document doc) {
        Element original = assertion(doc);
        Element evil = evilCopy(original);
        Element signature = detachSignature(original);
        insertSignatureAfterIssuer(evil, signature);
        original.getParentNode().replaceChild(evil, original);
        signature.appendChild(original);
    }

    private static void originalInExtensionsEvilAfter(Document doc) {
        Element original = assertion(doc);
        Element evil = evilCopy(original);
        Element extensions = MessageDom.wrapper(doc, "Extensions");
        original.getParentNode().replaceChild(extensions, original);
        extensions.appendChild(original);
        extensions.getParentNode().insertBefore(evil, extensions.getNextSibling());
    }

    private static void evilAssertionOriginalInObject(Document doc) {
        Element original = assertion(doc);
        Element evil = evilCopy(original);
        Element signature = detachSignature(original);
        insertSignatureAfterIssuer(evil, signature);
        original.getParentNode().replaceChild(evil, original);
        Element object = doc.createElementNS(DS, "ds:Object");
        object.appendChild(original);
        signature.appendChild(object);
    }

    private static void insertSignatureAfterIssuer(Element assertion, Element signature) {
        Element issuer = MessageDom.child(assertion, SAML2, "Issuer");
        assertion.insertBefore(signature, issuer.getNextSibling());
    }
}
