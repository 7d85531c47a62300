package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import io.wssgate.soap.Documents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code xop:Include} elements of an MTOM message (W3C XOP 1.0): where they may stand and
 * what they may point at. Each must be the only content of its parent (it stands for that
 * element's base64 text), name by {@code cid:} an attachment of this very package (not the root,
 * not a missing part), and no attachment may stand in for two elements. Only an XOP package
 * (root {@code application/xop+xml}) may contain them at all.
 */
final class XopIncludes {
    static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";

    private XopIncludes() {
    }

    static List<Element> in(Node root) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(XOP_NS, "Include")
                : ((Element) root).getElementsByTagNameNS(XOP_NS, "Include");
        List<Element> includes = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            includes.add((Element) list.item(i));
        }
        return includes;
    }

    static void check(Document document, MimePackage mime) throws SecurityFault {
        List<Element> includes = in(document);
        if (includes.isEmpty()) {
            return;
        }
        if (!"application/xop+xml".equals(mime.root().mediaType())) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "xop:Include outside an XOP (MTOM) package");
        }
        Set<MimePart> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element include : includes) {
            MimePart part = part(include, mime);
            if (!used.add(part)) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "two xop:Include elements name attachment <"
                        + part.contentId().orElse("") + ">");
            }
            Node parent = include.getParentNode();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                boolean blank = n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank();
                if (n != include && !blank) {
                    throw new SecurityFault(FaultCode.INVALID_SECURITY, "an xop:Include that is not the only content of "
                            + "its element");
                }
            }
            if (!Documents.childElements(include).isEmpty() || include.getFirstChild() != null) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "an xop:Include with content");
            }
        }
    }

    /**
     * The attachments that carry ciphertext (an xop:Include in an xenc:CipherValue, as Apache CXF
     * sends encrypted MTOM content), before WSS4J decrypts anything.
     */
    static Set<MimePart> ciphertextParts(Document document, MimePackage mime) throws SecurityFault {
        Set<MimePart> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element include : in(document)) {
            if (include.getParentNode() instanceof Element parent && "CipherValue".equals(parent.getLocalName())
                    && XmlNames.XENC.equals(parent.getNamespaceURI())) {
                parts.add(part(include, mime));
            }
        }
        return parts;
    }

    /**
     * Of those, the ones a decryption consumed: their xop:Include went with the EncryptedData it
     * stood in, replaced by the decrypted content (which coverage requires to be signed). Their
     * bytes were authenticated by that decryption and that signature.
     */
    static Set<MimePart> consumed(Set<MimePart> ciphertextParts, Document document, Optional<MimePackage> mime)
            throws SecurityFault {
        if (ciphertextParts.isEmpty() || mime.isEmpty()) {
            return Set.of();
        }
        Set<MimePart> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        consumed.addAll(ciphertextParts);
        for (Element include : in(document)) {
            consumed.remove(part(include, mime.get()));
        }
        return consumed;
    }

    /**
     * Of the ciphertext parts, those holding the CipherValue of an EncryptedKey in the Security
     * header that lists the data it encrypted (a ReferenceList), in a message where WSS4J
     * decrypted something: the key was decrypted with this server's private key (RSA-OAEP's
     * padding check) and unlocked that data, which coverage requires to be signed. Apache CXF
     * sends an EncryptedKey's CipherValue so with MTOM on (storeBytesInAttachment).
     */
    static Set<MimePart> keyCiphertext(Set<MimePart> ciphertextParts, Element securityHeader, MimePackage mime,
                                       boolean somethingDecrypted) throws SecurityFault {
        Set<MimePart> keys = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!somethingDecrypted || ciphertextParts.isEmpty()) {
            return keys;
        }
        for (Element token : io.wssgate.soap.Documents.childElements(securityHeader)) {
            if (!"EncryptedKey".equals(token.getLocalName()) || !XmlNames.XENC.equals(token.getNamespaceURI())
                    || token.getElementsByTagNameNS(XmlNames.XENC, "DataReference").getLength() == 0) {
                continue;
            }
            for (Element include : in(token)) {
                MimePart part = part(include, mime);
                if (ciphertextParts.contains(part)) {
                    keys.add(part);
                }
            }
        }
        return keys;
    }

    /** The attachment an xop:Include names (checked to exist by {@link #check}). */
    static MimePart part(Element include, MimePackage mime) throws SecurityFault {
        String href = include.getAttributeNS(null, "href");
        if (!href.startsWith("cid:")) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "an xop:Include whose href is not a cid: URL: " + href);
        }
        return AttachmentCallbacks.resolve(mime, href).orElseThrow(() ->
                new SecurityFault(FaultCode.INVALID_SECURITY, "an xop:Include naming no attachment: " + href));
    }
}
