package io.wssgate.inbound;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import io.wssgate.soap.Documents;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Element;

/**
 * The shape a signature reference to an attachment must have (WSS SwA Profile 1.1, 5.3-5.4):
 * a {@code cid:} URI naming an attachment of this very package, exactly one transform, the
 * Attachment-Content or Attachment-Complete Signature Transform, and an allowed digest. Anything
 * else (a reference to a part that is not there, to the root, further transforms) is refused
 * before a key is touched.
 */
final class AttachmentReferences {
    static final Set<String> TRANSFORMS = Set.of(WSConstants.SWA_ATTACHMENT_CONTENT_SIG_TRANS,
            WSConstants.SWA_ATTACHMENT_COMPLETE_SIG_TRANS);

    private final AlgorithmPolicy algorithms;
    private final long maxXmlBytes;

    /** {@code maxXmlBytes}: an XML attachment is canonicalized in memory, so it is bounded like a message. */
    AttachmentReferences(AlgorithmPolicy algorithms, long maxXmlBytes) {
        this.algorithms = algorithms;
        this.maxXmlBytes = maxXmlBytes;
    }

    void check(Element reference, Optional<MimePackage> mime) throws SecurityFault {
        String uri = reference.getAttributeNS(null, "URI");
        if (mime.isEmpty()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "attachment reference " + uri
                    + " in a message that is not a MIME package");
        }
        Optional<MimePart> part = AttachmentCallbacks.resolve(mime.get(), uri);
        if (part.isEmpty()) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "signature references a missing attachment " + uri);
        }
        MessagePrecheck.requireAllowed(MessagePrecheck.algorithm(reference, "DigestMethod"), algorithms.digest(),
                "digest");
        Element transforms = MessagePrecheck.firstChild(reference, XmlNames.DS, "Transforms");
        List<Element> list = transforms == null ? List.of() : Documents.childElements(transforms);
        if (list.size() != 1 || !TRANSFORMS.contains(list.get(0).getAttributeNS(null, "Algorithm"))) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM, "attachment reference " + uri
                    + " must have exactly one SwA signature transform");
        }
        // an encrypted attachment is ciphertext here: its plaintext is checked once decrypted
        if (isXml(part.get().mediaType()) && !AttachmentEncryption.isCiphertext(reference.getOwnerDocument(), uri)) {
            checkXml(mime.get(), part.get(), uri, maxXmlBytes);
        }
    }

    /** The media types WSS4J's SwA transforms canonicalize as XML (SwA Profile 5.4.2). */
    static boolean isXml(String mediaType) {
        return mediaType.equals("text/xml") || mediaType.equals("application/xml")
                || mediaType.matches("(application|image)/.*\\+xml");
    }

    /** Bounded, and parsed once here without DTDs before WSS4J builds its DOM of it. */
    static void checkXml(MimePackage mime, MimePart part, String uri, long maxXmlBytes) throws SecurityFault {
        if (part.contentLength() > maxXmlBytes) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "signed XML attachment " + uri + " of "
                    + part.contentLength() + " bytes, more than limits.max-message-size " + maxXmlBytes);
        }
        long length = mime.isDecrypted(part) ? mime.contentLength(part) : part.contentLength();
        if (length > maxXmlBytes) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "signed XML attachment " + uri + " of "
                    + length + " bytes, more than limits.max-message-size " + maxXmlBytes);
        }
        try (java.io.InputStream in = mime.content(part)) {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(in, new org.xml.sax.helpers.DefaultHandler());
        } catch (java.io.IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "signed XML attachment " + uri
                    + " is not well-formed XML without a DTD: " + e.getMessage(), e);
        }
    }
}
