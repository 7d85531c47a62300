package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.soap.HardenedParser;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.spi.LoadedKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A saml2:EncryptedAssertion in the Security header, decrypted before WSS4J sees the header and
 * replaced in the DOM by the saml2:Assertion it holds, which then goes through every check a
 * plain assertion goes through (issuer signature, validity, audience, subject confirmation,
 * replay). WSS4J's own EncryptedAssertion processor stays switched off (Wss4jSettings): it
 * would decrypt in header order (after a holder-of-key signature that needs the assertion as
 * its key), leave the wrapper and EncryptedKey in place, report the plaintext as decrypted
 * content that a message signature would then have to cover, and accept any decrypted node list.
 *
 * <p>Refused before any key is used: more than one EncryptedAssertion, one beside a plain
 * assertion (which of them would speak for the caller?), any shape {@link EncryptedAssertionShape}
 * does not accept, and a signature or encryption reference into the EncryptedAssertion:
 * after decryption the ciphertext is gone, so a signature over it could not be verified and
 * would prove nothing about the assertion used (a sender signs the plaintext instead, by the
 * assertion's ID or through its SecurityTokenReference with STR-Transform, or keys its
 * signature with it, holder-of-key). Every decryption failure is the same FailedCheck. The
 * decrypted assertion's identifiers must not occur anywhere else in the message.
 */
final class EncryptedAssertions {
    static final QName ENCRYPTED_ASSERTION = new QName(XmlNames.SAML2, "EncryptedAssertion");
    private static final Set<String> REFERENCES = Set.of(XmlNames.DS + "Reference", XmlNames.XENC + "DataReference",
            XmlNames.XENC + "KeyReference");

    private final Optional<AssertionCipher> cipher;
    private final EncryptedAssertionShape shape;
    private final DecryptedAssertionParser parser;

    /** {@code key} empty: the policy accepts no EncryptedAssertion. */
    EncryptedAssertions(Optional<LoadedKey> key, DecryptionPolicy algorithms, HardenedParser parser) {
        this.cipher = key.map(AssertionCipher::new);
        this.shape = new EncryptedAssertionShape(algorithms);
        this.parser = new DecryptedAssertionParser(parser);
    }

    /** Replaces the header's EncryptedAssertion by its assertion; empty if there was none. */
    Optional<Element> decryptInPlace(Element securityHeader) throws SecurityFault {
        List<Element> tokens = Documents.childElements(securityHeader);
        List<Element> encrypted = tokens.stream().filter(t -> XmlNames.qname(t).equals(ENCRYPTED_ASSERTION)).toList();
        if (encrypted.isEmpty()) {
            return Optional.empty();
        }
        if (cipher.isEmpty()) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "EncryptedAssertion not accepted by this policy");
        }
        if (encrypted.size() > 1) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one EncryptedAssertion");
        }
        if (tokens.stream().map(XmlNames::qname).anyMatch(
                q -> q.equals(XmlNames.SAML2_ASSERTION) || q.equals(XmlNames.SAML1_ASSERTION))) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "an EncryptedAssertion beside a plain assertion");
        }
        Element encryptedAssertion = encrypted.get(0);
        EncryptedAssertionShape.Parts parts = shape.check(encryptedAssertion);
        refuseReferencesInto(encryptedAssertion);
        Element assertion;
        try {
            byte[] plaintext = cipher.get().decrypt(parts);
            assertion = parser.parse(plaintext, encryptedAssertion);
        } catch (AssertionCipher.DecryptionFailed e) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "EncryptedAssertion: " + e.getMessage(), e);
        }
        refuseNestedEncryption(assertion);
        encryptedAssertion.getParentNode().replaceChild(assertion, encryptedAssertion);
        requireUniqueIdentifiers(assertion);
        return Optional.of(assertion);
    }

    /** No signature reference, DataReference or KeyReference elsewhere may point into the ciphertext. */
    private static void refuseReferencesInto(Element encryptedAssertion) throws SecurityFault {
        Set<String> inside = identifiers(encryptedAssertion, null);
        if (inside.isEmpty()) {
            return;
        }
        Element root = encryptedAssertion.getOwnerDocument().getDocumentElement();
        for (Node node = root; node != null; node = next(node, root, encryptedAssertion)) {
            if (node instanceof Element e && REFERENCES.contains(e.getNamespaceURI() + e.getLocalName())) {
                String uri = e.getAttributeNS(null, "URI");
                if (uri.startsWith("#") && inside.contains(uri.substring(1).trim())) {
                    throw new SecurityFault(FaultCode.INVALID_SECURITY, XmlNames.qname(e)
                            + " points into the EncryptedAssertion (" + uri + "): sign or encrypt the assertion, "
                            + "not its ciphertext");
                }
            }
        }
    }

    /** An assertion whose parts are encrypted again (EncryptedID, EncryptedAttribute, ...) is not processed. */
    private static void refuseNestedEncryption(Element assertion) throws SecurityFault {
        NodeList nested = assertion.getElementsByTagNameNS(XmlNames.XENC, "EncryptedData");
        NodeList keys = assertion.getElementsByTagNameNS(XmlNames.XENC, "EncryptedKey");
        if (nested.getLength() > 0 || keys.getLength() > 0) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY_TOKEN, "the decrypted assertion holds encrypted content");
        }
    }

    /** Every ID-like value of the decrypted subtree is unique in the whole message. */
    private static void requireUniqueIdentifiers(Element assertion) throws SecurityFault {
        Set<String> own = new HashSet<>();
        for (Node node = assertion; node != null; node = next(node, assertion, null)) {
            for (String id : identifiersOf(node)) {
                if (!own.add(id)) {
                    throw new SecurityFault(FaultCode.INVALID_SECURITY, "duplicate identifier '" + id + "'");
                }
            }
        }
        Set<String> elsewhere = identifiers(assertion.getOwnerDocument().getDocumentElement(), assertion);
        for (String id : own) {
            if (elsewhere.contains(id)) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY,
                        "the decrypted assertion's identifier '" + id + "' is also used elsewhere in the message");
            }
        }
    }

    /** ID-like attribute values in {@code root}'s subtree, leaving out {@code skip}'s subtree. */
    private static Set<String> identifiers(Element root, Element skip) {
        Set<String> ids = new HashSet<>();
        for (Node node = root; node != null; node = next(node, root, skip)) {
            if (node != skip) {
                ids.addAll(identifiersOf(node));
            }
        }
        return ids;
    }

    private static List<String> identifiersOf(Node node) {
        if (!(node instanceof Element e)) {
            return List.of();
        }
        NamedNodeMap attributes = e.getAttributes();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            boolean plain = (ns == null || ns.isEmpty()) && (name.equals("Id") || name.equals("ID")
                    || name.equals("AssertionID"));
            if (plain || (XmlNames.WSU.equals(ns) && "Id".equals(name))) {
                ids.add(a.getValue().trim());
            }
        }
        return ids;
    }

    /** Document-order successor within {@code root}, never entering {@code skip}. */
    private static Node next(Node node, Node root, Node skip) {
        if (node != skip && node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != null && current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }
}
