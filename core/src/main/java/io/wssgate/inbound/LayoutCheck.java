package io.wssgate.inbound;

import io.wssgate.soap.Documents;

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
import java.util.Set;
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
 * The references are resolved on the header as it arrived ({@link #arrival}, before
 * {@link ProcessingOrder} and decryption change it); the verdict comes after WSS4J processing,
 * which tells which certificate each signature used, so a message is judged on its layout only
 * once it is otherwise valid (like WS-SecurityPolicy's own layout assertion).
 */
final class LayoutCheck {
    private static final String X509V3 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

    private final HeaderLayout layout;

    LayoutCheck(HeaderLayout layout) {
        this.layout = layout;
    }

    /**
     * The header as it arrived, recorded before anything changes it ({@link ProcessingOrder}
     * reorders it, decryption replaces EncryptedData): its children in order and, for strict,
     * every "this before that" the references in it demand.
     */
    record Arrival(List<Element> children, List<Requirement> requirements) {
    }

    /** {@code earlier} must come before {@code later}; {@code relation} says why, for the log. */
    record Requirement(Element earlier, Element later, String relation) {
    }

    Arrival arrival(Element securityHeader) {
        List<Element> children = List.copyOf(Documents.childElements(securityHeader));
        List<Requirement> requirements = layout == HeaderLayout.STRICT
                ? new References(children, securityHeader).requirements() : List.of();
        return new Arrival(children, requirements);
    }

    void check(Arrival arrival, SecurityResults results) throws SecurityFault {
        switch (layout) {
            case LAX -> {
                // any valid order
            }
            case LAX_TIMESTAMP_FIRST -> requireTimestamp(arrival.children(), true);
            case LAX_TIMESTAMP_LAST -> requireTimestamp(arrival.children(), false);
            case STRICT -> strict(arrival, results);
        }
    }

    private void requireTimestamp(List<Element> children, boolean first) throws SecurityFault {
        Element expected = children.isEmpty() ? null : children.get(first ? 0 : children.size() - 1);
        if (expected == null || !XmlNames.qname(expected).equals(XmlNames.TIMESTAMP)) {
            throw violation("the " + (first ? "first" : "last") + " child of wsse:Security must be the wsu:Timestamp, "
                    + "found " + (expected == null ? "none" : XmlNames.qname(expected)));
        }
    }

    private void strict(Arrival arrival, SecurityResults results) throws SecurityFault {
        Map<Element, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < arrival.children().size(); i++) {
            position.put(arrival.children().get(i), i);
        }
        List<Requirement> requirements = new ArrayList<>(arrival.requirements());
        for (VerifiedSignature signature : results.signatures()) {
            certificateToken(arrival.children(), signature).filter(t -> position.containsKey(signature.element()))
                    .ifPresent(token -> requirements.add(new Requirement(token, signature.element(), "carries the key of")));
        }
        for (Requirement r : requirements) {
            int a = position.get(r.earlier());
            int b = position.get(r.later());
            if (a > b) {
                throw violation(describe(r.earlier(), a) + " " + r.relation() + " " + describe(r.later(), b)
                        + " but comes after it (strict wants declare before use)");
            }
        }
    }

    /**
     * For a signature keyed by a certificate, however its KeyInfo names it (key identifier, issuer
     * and serial), the first BinarySecurityToken of the header carrying that certificate: the
     * signing token, which strict wants before the signature.
     */
    private static Optional<Element> certificateToken(List<Element> children, VerifiedSignature signature) {
        if (signature.certificate().isEmpty()) {
            return Optional.empty();
        }
        return children.stream().filter(c -> XmlNames.qname(c).equals(XmlNames.BINARY_SECURITY_TOKEN))
                .filter(c -> certificate(c).filter(signature.certificate().get()::equals).isPresent()).findFirst();
    }

    private SecurityFault violation(String detail) {
        return new SecurityFault(FaultCode.INVALID_SECURITY, "security-header layout " + layout.key() + ": " + detail);
    }

    /** The order the references of a header demand, resolved on the header as it arrived. */
    private static final class References {
        private final List<Element> children;
        private final Set<Element> isChild = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, Element> ids;

        References(List<Element> children, Element header) {
            this.children = children;
            this.isChild.addAll(children);
            this.ids = TokenReferenceCheck.IdIndex.of(header.getOwnerDocument());
        }

        List<Requirement> requirements() {
            List<Requirement> requirements = new ArrayList<>();
            for (Element user : children) {
                for (Element reference : tokenReferences(user)) {
                    for (String id : TokenReferenceCheck.referencedIds(reference)) {
                        child(id).filter(t -> t != user).ifPresent(token ->
                                requirements.add(new Requirement(token, user, "is used by")));
                    }
                }
                if (XmlNames.qname(user).equals(XmlNames.SIGNATURE)) {
                    signedChildren(user).forEach(signed -> requirements.add(new Requirement(signed, user, "is signed by")));
                }
                for (Element listed : listedChildren(user)) {
                    requirements.add(new Requirement(user, listed, "decrypts"));
                }
            }
            return requirements;
        }

        /** The STRs an element uses: its own, and for an encryption step those of the data it decrypts. */
        private List<Element> tokenReferences(Element user) {
            List<Element> references = new ArrayList<>(descendantsOrSelf(user, XmlNames.WSSE, "SecurityTokenReference"));
            for (Element dataReference : descendantsOrSelf(user, XmlNames.XENC, "DataReference")) {
                Element data = ids.get(TokenReferenceCheck.withoutHash(dataReference.getAttributeNS(null, "URI")));
                if (data != null && !isChild.contains(data)) {
                    for (Element keyInfo : Documents.childElements(data)) {
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
            for (Element reference : Documents.childElements(signedInfo)) {
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

        private Optional<Element> child(String id) {
            Element target = ids.get(id);
            return target != null && isChild.contains(target) ? Optional.of(target) : Optional.empty();
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
        for (Element e : Documents.childElements(parent)) {
            if (localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
