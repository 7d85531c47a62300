package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import io.wssgate.soap.Documents;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shapes of SwA encrypted attachments a MIME package may carry, checked before WSS4J runs
 * (OASIS WSS SwA Profile 1.1, section 5.5): every {@code xenc:CipherReference} belongs to an
 * EncryptedData of Type Attachment-Content-Only or Attachment-Complete, standing in this
 * Security header, listed in an EncryptedKey's ReferenceList (where its key comes from: WSS Gate
 * decrypts attachments there, streaming, see {@link AttachmentDecryption}); it names one
 * attachment by {@code cid:} (not the root, no part twice) with at most the
 * Attachment-Ciphertext-Transform. And, when the policy says so, every attachment arrived
 * encrypted ({@code attachments.require-encrypted}).
 */
final class AttachmentEncryption {
    static final String CIPHERTEXT_TRANSFORM =
            "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Ciphertext-Transform";

    private AttachmentEncryption() {
    }

    /** The URI of the CipherReference of {@code encryptedData}, if it has one. */
    static Optional<String> cipherReference(Element encryptedData) {
        Element cipherData = child(encryptedData, XmlNames.XENC, "CipherData");
        Element reference = cipherData == null ? null : child(cipherData, XmlNames.XENC, "CipherReference");
        return reference == null ? Optional.empty() : Optional.of(reference.getAttributeNS(null, "URI"));
    }

    /** Whether a CipherReference names {@code uri} (the part is ciphertext as received). */
    static boolean isCiphertext(org.w3c.dom.Document document, String uri) {
        NodeList references = document.getElementsByTagNameNS(XmlNames.XENC, "CipherReference");
        for (int i = 0; i < references.getLength(); i++) {
            if (uri.equals(((Element) references.item(i)).getAttributeNS(null, "URI"))) {
                return true;
            }
        }
        return false;
    }

    static void check(Element securityHeader, MimePackage mime) throws SecurityFault {
        NodeList references = securityHeader.getOwnerDocument().getElementsByTagNameNS(XmlNames.XENC,
                "CipherReference");
        Set<MimePart> named = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            Element cipherData = parent(reference, "CipherData");
            Element encryptedData = cipherData == null ? null : parent(cipherData, "EncryptedData");
            if (encryptedData == null || !AttachmentDecryption.isAttachment(encryptedData)) {
                throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM,
                        "xenc:CipherReference outside an attachment EncryptedData (Attachment-Content-Only or -Complete)");
            }
            if (encryptedData.getParentNode() != securityHeader) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY,
                        "an attachment EncryptedData outside the wsse:Security header");
            }
            String id = encryptedData.getAttributeNS(null, "Id");
            if (id.isEmpty() || !listedByEncryptedKey(securityHeader, id)) {
                throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "attachment EncryptedData '" + id
                        + "' is not listed in an EncryptedKey's ReferenceList");
            }
            checkTransforms(reference);
            String uri = reference.getAttributeNS(null, "URI");
            if (!uri.startsWith("cid:")) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "CipherReference " + uri + " is not a cid: URI");
            }
            MimePart part = AttachmentCallbacks.resolve(mime, uri).orElseThrow(() -> new SecurityFault(
                    FaultCode.FAILED_CHECK, "CipherReference names a missing attachment " + uri));
            if (!named.add(part)) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "two EncryptedData name the attachment " + uri);
            }
        }
    }

    /** Every attachment of {@code mime} arrived encrypted: decrypted here, or MTOM ciphertext a decryption consumed. */
    static void requireEncrypted(MimePackage mime, Set<MimePart> consumedCiphertext) throws SecurityFault {
        for (MimePart attachment : mime.attachments()) {
            if (!mime.isDecrypted(attachment) && !consumedCiphertext.contains(attachment)) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "attachment <" + attachment.contentId().orElse("")
                        + "> arrived unencrypted (attachments.require-encrypted)");
            }
        }
    }

    private static boolean listedByEncryptedKey(Element securityHeader, String id) {
        for (Element token : Documents.childElements(securityHeader)) {
            if (!XmlNames.XENC.equals(token.getNamespaceURI()) || !"EncryptedKey".equals(token.getLocalName())) {
                continue;
            }
            Element list = child(token, XmlNames.XENC, "ReferenceList");
            if (list == null) {
                continue;
            }
            for (Element ref : Documents.childElements(list)) {
                if ("DataReference".equals(ref.getLocalName()) && ("#" + id).equals(ref.getAttributeNS(null, "URI"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkTransforms(Element reference) throws SecurityFault {
        List<Element> children = Documents.childElements(reference);
        if (children.isEmpty()) {
            return;
        }
        List<Element> transforms = children.size() == 1 && "Transforms".equals(children.get(0).getLocalName())
                ? Documents.childElements(children.get(0)) : List.of();
        if (transforms.size() != 1 || !CIPHERTEXT_TRANSFORM.equals(transforms.get(0).getAttributeNS(null, "Algorithm"))) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM,
                    "a CipherReference may only carry the Attachment-Ciphertext-Transform");
        }
    }

    private static Element parent(Element e, String localName) {
        return e.getParentNode() instanceof Element p && XmlNames.XENC.equals(p.getNamespaceURI())
                && localName.equals(p.getLocalName()) ? p : null;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Element c : Documents.childElements(parent)) {
            if (namespace.equals(c.getNamespaceURI()) && localName.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }
}
