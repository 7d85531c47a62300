package io.wssgate.inbound;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;

/**
 * A signature with attachment ({@code cid:}) references, validated as Santuario validates any
 * signature (the SignatureValue over SignedInfo first, then every reference, stopping at the
 * first failure) except that an attachment reference is digested without Santuario's reference
 * cache: the attachment flows from disk through WSS4J's SwA transform into the digest, and
 * nothing keeps a copy. What WSS4J later asks of the reference (that it was an octet stream,
 * i.e. an attachment) is answered by a marker instead of the cached bytes.
 */
final class AttachmentSignature implements XMLSignature {
    static final String CACHE_REFERENCE = "javax.xml.crypto.dsig.cacheReference";

    private final XMLSignature signature;
    private final SignedInfo signedInfo;

    private AttachmentSignature(XMLSignature signature, boolean xop, URIDereferencer dereferencer) {
        this.signature = signature;
        List<Reference> references = new ArrayList<>();
        for (Object r : signature.getSignedInfo().getReferences()) {
            Reference reference = (Reference) r;
            if (isAttachment(reference)) {
                references.add(new AttachmentReference(reference));
            } else if (SameDocumentReference.applies(reference)) {
                Reference uncached = new SameDocumentReference(reference, dereferencer);
                references.add(xop ? new XopReference(uncached) : uncached);
            } else {
                references.add(reference);
            }
        }
        this.signedInfo = new Info(signature.getSignedInfo(), List.copyOf(references));
    }

    /**
     * Santuario's signature with its attachment and same-document references wrapped, so that no
     * reference keeps a copy of its digest input ({@link SameDocumentReference}); in a document
     * with {@code xop:Include} elements (MTOM) a same-document reference may cover their content
     * ({@link XopReference}). {@code dereferencer}: the one Santuario uses when the context has none.
     */
    static XMLSignature wrap(XMLSignature signature, XMLValidateContext context, URIDereferencer dereferencer) {
        boolean xop = context instanceof javax.xml.crypto.dsig.dom.DOMValidateContext dom && dom.getNode() != null
                && !XopIncludes.in(dom.getNode().getOwnerDocument()).isEmpty();
        return new AttachmentSignature(signature, xop, dereferencer);
    }

    static boolean isAttachment(Reference reference) {
        return reference.getURI() != null && reference.getURI().startsWith("cid:");
    }

    @Override
    public boolean validate(XMLValidateContext context) throws XMLSignatureException {
        if (!signature.getSignatureValue().validate(context)) {
            return false;
        }
        for (Object r : signedInfo.getReferences()) {
            if (!((Reference) r).validate(context)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public KeyInfo getKeyInfo() {
        return signature.getKeyInfo();
    }

    @Override
    public SignedInfo getSignedInfo() {
        return signedInfo;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List getObjects() {
        return signature.getObjects();
    }

    @Override
    public String getId() {
        return signature.getId();
    }

    @Override
    public SignatureValue getSignatureValue() {
        return signature.getSignatureValue();
    }

    @Override
    public void sign(XMLSignContext signContext) {
        throw new UnsupportedOperationException("a received signature is only validated");
    }

    @Override
    public KeySelectorResult getKeySelectorResult() {
        return signature.getKeySelectorResult();
    }

    @Override
    public boolean isFeatureSupported(String feature) {
        return signature.isFeatureSupported(feature);
    }

    /** SignedInfo with the attachment references wrapped. */
    private record Info(SignedInfo info, List<Reference> references) implements SignedInfo {
        @Override
        public javax.xml.crypto.dsig.CanonicalizationMethod getCanonicalizationMethod() {
            return info.getCanonicalizationMethod();
        }

        @Override
        public javax.xml.crypto.dsig.SignatureMethod getSignatureMethod() {
            return info.getSignatureMethod();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List getReferences() {
            return references;
        }

        @Override
        public String getId() {
            return info.getId();
        }

        @Override
        public InputStream getCanonicalizedData() {
            return info.getCanonicalizedData();
        }

        @Override
        public boolean isFeatureSupported(String feature) {
            return info.isFeatureSupported(feature);
        }
    }

    /** The package of the message being validated, which WSS4J passes on through its attachment callback. */
    static java.util.Optional<io.wssgate.mime.MimePackage> mime(XMLValidateContext context) {
        return context.getProperty(org.apache.wss4j.dom.transform.AttachmentContentSignatureTransform
                .ATTACHMENT_CALLBACKHANDLER) instanceof AttachmentCallbacks callbacks
                ? java.util.Optional.of(callbacks.mime()) : java.util.Optional.empty();
    }

    /**
     * An attachment reference, digested with the reference cache off; one whose transform passes
     * the content through as it is is digested straight from the package's spool.
     */
    private static final class AttachmentReference extends DelegatingReference {
        /**
         * The media types the Attachment-Content Signature Transform does not pass through as
         * they are (SwA Profile 1.1, 5.4.2: XML is canonicalized, other text gets CRLF line ends),
         * as WSS4J's transform tells them apart (on the whole Content-Type, case-insensitively).
         */
        private static final java.util.List<java.util.regex.Pattern> CHANGED = java.util.stream.Stream.of(
                "(text/xml).*", "(application/xml).*", "(application|image)/.*\\+xml.*", "(text/).*")
                .map(p -> java.util.regex.Pattern.compile(p, java.util.regex.Pattern.CASE_INSENSITIVE
                        | java.util.regex.Pattern.DOTALL)).toList();

        AttachmentReference(Reference reference) {
            super(reference);
        }

        @Override
        public boolean validate(XMLValidateContext context) throws XMLSignatureException {
            java.util.Optional<byte[]> digest = digestAsIs(context);
            if (digest.isPresent()) {
                return java.security.MessageDigest.isEqual(digest.get(), getDigestValue());
            }
            Object cache = context.getProperty(CACHE_REFERENCE);
            context.setProperty(CACHE_REFERENCE, Boolean.FALSE);
            try {
                return reference.validate(context);
            } finally {
                context.setProperty(CACHE_REFERENCE, cache);
            }
        }

        /**
         * For the Attachment-Content transform over a received (not decrypted) part whose media
         * type it passes through unchanged, the digest of the part's content as it lies in the
         * spool: the same octets the transform would stream through an 8 KiB buffer, without
         * that copy. Empty where the transform changes the content, or for any other transform.
         */
        private java.util.Optional<byte[]> digestAsIs(XMLValidateContext context) throws XMLSignatureException {
            if (getTransforms().size() != 1 || !org.apache.wss4j.dom.WSConstants.SWA_ATTACHMENT_CONTENT_SIG_TRANS
                    .equals(((javax.xml.crypto.dsig.Transform) getTransforms().get(0)).getAlgorithm())) {
                return java.util.Optional.empty();
            }
            java.util.Optional<io.wssgate.mime.MimePackage> mime = mime(context);
            java.util.Optional<io.wssgate.mime.MimePart> part = mime.flatMap(m -> AttachmentCallbacks.resolve(m,
                    getURI()));
            if (part.isEmpty() || mime.get().isDecrypted(part.get())) {
                return java.util.Optional.empty();
            }
            String mimeType = AttachmentCallbacks.mimeType(mime.get(), part.get());
            if (CHANGED.stream().anyMatch(p -> p.matcher(mimeType).matches())) {
                return java.util.Optional.empty();
            }
            String jce = org.apache.xml.security.algorithms.JCEMapper.translateURItoJCEID(
                    getDigestMethod().getAlgorithm());
            if (jce == null) {
                return java.util.Optional.empty();
            }
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance(jce);
                mime.get().digest(part.get(), digest);
                return java.util.Optional.of(digest.digest());
            } catch (java.security.NoSuchAlgorithmException | java.io.IOException e) {
                throw new XMLSignatureException(e);
            }
        }

        /** Not the attachment's bytes (nothing kept them): an empty octet stream saying "an attachment". */
        @Override
        public Data getDereferencedData() {
            return new OctetStreamData(InputStream.nullInputStream(), getURI(), null);
        }

        @Override
        public InputStream getDigestInputStream() {
            return null;
        }
    }
}
