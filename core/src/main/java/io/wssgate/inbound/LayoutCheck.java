package io.wssgate.inbound;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Enforces a policy's {@code security-header.layout} on the order in which the Security header's
 * children arrived (WS-SecurityPolicy 1.3, section 7.7). {@code lax} accepts any order; the
 * timestamp variants want the wsu:Timestamp first or last; {@code strict} wants every item
 * declared before it is used:
 * <ul>
 * <li>a token a SecurityTokenReference names (signing key, holder-of-key assertion, the
 * assertion of a sender-vouches STR, the EncryptedKey of an EncryptedData) comes before the
 * element holding that reference;</li>
 * <li>a signing certificate travelling in a BinarySecurityToken comes before the signature, also
 * when the signature names it by key identifier or issuer and serial;</li>
 * <li>a header child a signature signs comes before that signature (e.g. the Timestamp, an
 * endorsed signature);</li>
 * <li>an EncryptedData in the header comes after the EncryptedKey or ReferenceList that lists it.</li>
 * </ul>
 * Runs after WSS4J processing, on the order recorded before {@link ProcessingOrder} changed it.
 */
final class LayoutCheck {
    private static final String X509V3 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

    private final HeaderLayout layout;

    LayoutCheck(HeaderLayout layout) {
        this.layout = layout;
    }

    void check(Element securityHeader, List<Element> original, SecurityResults results) throws SecurityFault {
        switch (layout) {
            case LAX -> {
                // any valid order
            }
            case LAX_TIMESTAMP_FIRST -> requireTimestamp(original, true);
            case LAX_TIMESTAMP_LAST -> requireTimestamp(original, false);
            case STRICT -> new Strict(securityHeader, original).check(results);
        }
    }

    private void requireTimestamp(List<Element> children, boolean first) throws SecurityFault {
        Element expected = children.isEmpty() ? null : children.get(first ? 0 : children.size() - 1);
        if (expected == null || !XmlNames.qname(expected).equals(XmlNames.TIMESTAMP)) {
            throw violation("the " + (first ? "first" : "last") + " child of wsse:Security must be the wsu:Timestamp, "
                    + "found " + (expected == null ? "none" : XmlNames.qname(expected)));
        }
    }

    private SecurityFault violation(String detail) {
        return new SecurityFault(FaultCode.INVALID_SECURITY, "security-header layout " + layout.key() + ": " + detail);
    }

    /** The "declare before use" rules over one header, positions taken from the original order. */
    private final class Strict {
        private final List<Element> children;
        private final Map<Element, Integer> position = new IdentityHashMap<>();
        private final Map<String, Element> ids;

        Strict(Element header, List<Element> children) {
            this.children = children;
            for (int i = 0; i < children.size(); i++) {
                position.put(children.get(i), i);
            }
            this.ids = TokenReferenceCheck.IdIndex.of(header.getOwnerDocument());
        }

        void check(SecurityResults results) throws SecurityFault {
            for (Element user : children) {
                for (Element reference : references(user)) {
                    for (String id : TokenReferenceCheck.referencedIds(reference)) {
                        Optional<Element> token = child(id).filter(t -> t != user);
                        if (token.isPresent()) {
                            requireBefore(token.get(), user, "is used by");
                        }
                    }
                }
                if (XmlNames.qname(user).equals(XmlNames.SIGNATURE)) {
                    for (Element signed : signedChildren(user)) {
                        requireBefore(signed, user, "is signed by");
                    }
                }
                for (Element encrypted : listedChildren(user)) {
                    requireBefore(user, encrypted, "decrypts");
                }
            }
            for (VerifiedSignature signature : results.signatures()) {
                requireCertificateTokenBefore(signature);
            }
        }

        /** The STRs an element uses: its own, and for an encryption step those of the data it decrypts. */
        private List<Element> references(Element user) {
            List<Element> references = new ArrayList<>(descendantsOrSelf(user, XmlNames.WSSE, "SecurityTokenReference"));
            for (Element dataReference : descendantsOrSelf(user, XmlNames.XENC, "DataReference")) {
                Element data = ids.get(TokenReferenceCheck.withoutHash(dataReference.getAttributeNS(null, "URI")));
                if (data != null && !position.containsKey(data)) {
                    for (Element keyInfo : SoapEnvelope.childElements(data)) {
                        if (XmlNames.DS.equals(keyInfo.getNamespaceURI()) && "KeyInfo".equals(keyInfo.getLocalName())) {
                            references.addAll(descendantsOrSelf(keyInfo, XmlNames.WSSE, "SecurityTokenReference"));
                        }
                    }
                }
            }
            return references;
        }

        private List<Element> signedChildren(Element signature) {
            List<Element> signed = new ArrayList<>();
            Element signedInfo = firstChild(signature, XmlNames.DS, "SignedInfo");
            if (signedInfo == null) {
                return signed;
            }
            for (Element reference : SoapEnvelope.childElements(signedInfo)) {
                if ("Reference".equals(reference.getLocalName()) && XmlNames.DS.equals(reference.getNamespaceURI())) {
                    child(TokenReferenceCheck.withoutHash(reference.getAttributeNS(null, "URI"))).ifPresent(signed::add);
                }
            }
            return signed;
        }

        /** The header's EncryptedData children that an EncryptedKey or ReferenceList lists. */
        private List<Element> listedChildren(Element step) {
            List<Element> listed = new ArrayList<>();
            for (Element dataReference : descendantsOrSelf(step, XmlNames.XENC, "DataReference")) {
                child(TokenReferenceCheck.withoutHash(dataReference.getAttributeNS(null, "URI"))).ifPresent(listed::add);
            }
            return listed;
        }

        /** For a signature keyed by a certificate (however referenced): a BinarySecurityToken carrying it comes first. */
        private void requireCertificateTokenBefore(VerifiedSignature signature) throws SecurityFault {
            if (signature.certificate().isEmpty() || !position.containsKey(signature.element())) {
                return;
            }
            Element first = null;
            for (Element child : children) {
                if (XmlNames.qname(child).equals(XmlNames.BINARY_SECURITY_TOKEN)
                        && certificate(child).filter(signature.certificate().get()::equals).isPresent()) {
                    first = child;
                    break;
                }
            }
            if (first != null) {
                requireBefore(first, signature.element(), "carries the key of");
            }
        }

        private void requireBefore(Element earlier, Element later, String relation) throws SecurityFault {
            int a = position.get(earlier);
            int b = position.get(later);
            if (a > b) {
                throw violation(describe(earlier, a) + " " + relation + " " + describe(later, b)
                        + " but comes after it (strict wants declare before use)");
            }
        }

        private Optional<Element> child(String id) {
            Element target = ids.get(id);
            // a child as the message arrived (a decrypted element that replaced one has no position)
            return target != null && position.containsKey(target) ? Optional.of(target) : Optional.empty();
        }
    }

    private static String describe(Element child, int index) {
        return XmlNames.qname(child).getLocalPart() + " (child " + (index + 1) + ")";
    }

    private static Optional<X509Certificate> certificate(Element binarySecurityToken) {
        if (!X509V3.equals(binarySecurityToken.getAttributeNS(null, "ValueType"))) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(binarySecurityToken.getTextContent().trim());
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException e) {
            return Optional.empty(); // WSS4J has processed every token of the header: not reachable for a bad one
        }
    }

    private static List<Element> descendantsOrSelf(Element root, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        if (ns.equals(root.getNamespaceURI()) && localName.equals(root.getLocalName())) {
            out.add(root);
        }
        var nodes = root.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element firstChild(Element parent, String ns, String localName) {
        for (Element e : SoapEnvelope.childElements(parent)) {
            if (localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
