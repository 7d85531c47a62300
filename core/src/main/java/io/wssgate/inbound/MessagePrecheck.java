package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import io.wssgate.mime.MimePackage;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Cheap structural checks on the DOM before any cryptography runs, so an unsupported token
 * or weak algorithm is refused with a precise fault code and WSS4J never sees it: only the
 * token types this policy uses may appear in the Security header; every signature and
 * encryption names only allowlisted algorithms, same-document references, a bounded number
 * of references and transforms, and message signatures identify their key by a
 * SecurityTokenReference (never a bare KeyValue or a default key).
 */
final class MessagePrecheck {
    static final int MAX_REFERENCES = 30;
    static final int MAX_TRANSFORMS = 5;
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final String STR_TRANSFORM =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform";

    private final Set<QName> allowedTokens;
    private final AlgorithmPolicy algorithms;
    private final DecryptionPolicy decryption;
    private final Set<String> allowedTransforms;
    private final AttachmentReferences attachmentReferences;

    MessagePrecheck(boolean usernameTokens, boolean saml, boolean signatureConfirmations, AlgorithmPolicy algorithms,
                    DecryptionPolicy decryption) {
        this(usernameTokens, saml, false, signatureConfirmations, algorithms, decryption);
    }

    /** {@code encryptedAssertions}: a saml2:EncryptedAssertion may stand in the header (EncryptedAssertions decrypts it). */
    MessagePrecheck(boolean usernameTokens, boolean saml, boolean encryptedAssertions, boolean signatureConfirmations,
                    AlgorithmPolicy algorithms, DecryptionPolicy decryption) {
        this(usernameTokens, saml, encryptedAssertions, signatureConfirmations, algorithms, decryption,
                io.wssgate.config.MessageLimits.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** {@code maxXmlAttachmentBytes}: the largest XML attachment a signature may cover (it is canonicalized in memory). */
    MessagePrecheck(boolean usernameTokens, boolean saml, boolean encryptedAssertions, boolean signatureConfirmations,
                    AlgorithmPolicy algorithms, DecryptionPolicy decryption, long maxXmlAttachmentBytes) {
        Set<QName> tokens = new HashSet<>(List.of(XmlNames.TIMESTAMP, XmlNames.BINARY_SECURITY_TOKEN, XmlNames.SIGNATURE));
        if (saml) {
            tokens.add(XmlNames.SAML1_ASSERTION);
            tokens.add(XmlNames.SAML2_ASSERTION);
            // a sender-vouches signature covers the assertion through an STR-Transform over a
            // SecurityTokenReference standing in the header
            tokens.add(XmlNames.SECURITY_TOKEN_REFERENCE);
        }
        if (saml && encryptedAssertions) {
            tokens.add(EncryptedAssertions.ENCRYPTED_ASSERTION);
        }
        if (usernameTokens) {
            tokens.add(XmlNames.USERNAME_TOKEN);
        }
        if (signatureConfirmations) {
            tokens.add(XmlNames.SIGNATURE_CONFIRMATION);
        }
        if (decryption.enabled()) {
            tokens.add(XmlNames.ENCRYPTED_KEY);
            tokens.add(XmlNames.REFERENCE_LIST);
            tokens.add(XmlNames.ENCRYPTED_DATA);
        }
        this.allowedTokens = Set.copyOf(tokens);
        this.algorithms = algorithms;
        this.decryption = decryption;
        Set<String> transforms = new HashSet<>(algorithms.canonicalization());
        transforms.add(ENVELOPED);
        transforms.add(STR_TRANSFORM);
        this.allowedTransforms = Set.copyOf(transforms);
        this.attachmentReferences = new AttachmentReferences(algorithms, maxXmlAttachmentBytes);
    }

    void check(SoapEnvelope envelope, Element securityHeader) throws SecurityFault {
        check(envelope, securityHeader, Optional.empty());
    }

    /** {@code mime}: the package the envelope arrived in; only then may a signature reference attachments. */
    void check(SoapEnvelope envelope, Element securityHeader, Optional<MimePackage> mime) throws SecurityFault {
        for (Element token : Documents.childElements(securityHeader)) {
            QName name = XmlNames.qname(token);
            if (!allowedTokens.contains(name)) {
                throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "token not allowed by this policy: " + name);
            }
            if (name.equals(XmlNames.SIGNATURE)) {
                requireTokenReference(token);
            }
        }
        Found found = Found.in(envelope.document().getDocumentElement());
        for (Element signature : found.signatures) {
            checkSignature(signature, mime);
        }
        checkEncryption(found);
        if (mime.isPresent()) {
            AttachmentEncryption.check(securityHeader, mime.get());
        }
    }

    private static void requireTokenReference(Element signature) throws SecurityFault {
        Element keyInfo = firstChild(signature, XmlNames.DS, "KeyInfo");
        List<Element> keyInfoChildren = keyInfo == null ? List.of() : Documents.childElements(keyInfo);
        if (keyInfoChildren.size() != 1
                || !XmlNames.qname(keyInfoChildren.get(0)).equals(XmlNames.SECURITY_TOKEN_REFERENCE)) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN,
                    "message signature must identify its key by one wsse:SecurityTokenReference");
        }
    }

    private void checkSignature(Element signature, Optional<MimePackage> mime) throws SecurityFault {
        Element signedInfo = firstChild(signature, XmlNames.DS, "SignedInfo");
        if (signedInfo == null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "ds:Signature without SignedInfo");
        }
        if (firstChild(signature, XmlNames.DS, "Object") != null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "ds:Object/Manifest in a signature is not allowed");
        }
        if (isAssertionSignature(signature)) {
            requireIssuerKey(signature);
        }
        requireAllowed(algorithm(signedInfo, "CanonicalizationMethod"), algorithms.canonicalization(), "canonicalization");
        requireAllowed(algorithm(signedInfo, "SignatureMethod"), algorithms.signature(), "signature");
        List<Element> references = Documents.childElements(signedInfo).stream()
                .filter(e -> "Reference".equals(e.getLocalName()) && XmlNames.DS.equals(e.getNamespaceURI())).toList();
        if (references.isEmpty() || references.size() > MAX_REFERENCES) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "signature has " + references.size() + " references");
        }
        for (Element reference : references) {
            if (reference.getAttributeNS(null, "URI").startsWith("cid:")) {
                attachmentReferences.check(reference, mime);
            } else {
                checkReference(reference);
            }
        }
    }

    private static boolean isAssertionSignature(Element signature) {
        return signature.getParentNode() instanceof Element parent
                && (XmlNames.qname(parent).equals(XmlNames.SAML2_ASSERTION)
                        || XmlNames.qname(parent).equals(XmlNames.SAML1_ASSERTION));
    }

    /**
     * An issuer's signature over an assertion names its key inline (X509Data or KeyValue); that
     * key is what the issuer's configured certificates are compared with. Anything else (a
     * RetrievalMethod chain, a KeyName, nothing) leaves WSS4J without a key, where it fails with
     * a NullPointerException instead of a verdict.
     */
    private static void requireIssuerKey(Element signature) throws SecurityFault {
        Element keyInfo = firstChild(signature, XmlNames.DS, "KeyInfo");
        boolean inline = keyInfo != null && (firstChild(keyInfo, XmlNames.DS, "X509Data") != null
                || firstChild(keyInfo, XmlNames.DS, "KeyValue") != null);
        if (!inline || firstChild(keyInfo, XmlNames.DS, "RetrievalMethod") != null) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN,
                    "an assertion signature must carry its key as X509Data or KeyValue, and no RetrievalMethod");
        }
    }

    private void checkReference(Element reference) throws SecurityFault {
        if (!reference.hasAttributeNS(null, "URI")) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "signature reference without URI");
        }
        String uri = reference.getAttributeNS(null, "URI");
        if (!uri.isEmpty() && (!uri.startsWith("#") || uri.length() == 1 || uri.startsWith("#xpointer("))) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "only same-document ID references are allowed: " + uri);
        }
        requireAllowed(algorithm(reference, "DigestMethod"), algorithms.digest(), "digest");
        Element transforms = firstChild(reference, XmlNames.DS, "Transforms");
        List<Element> list = transforms == null ? List.of() : Documents.childElements(transforms);
        if (list.size() > MAX_TRANSFORMS) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "reference has " + list.size() + " transforms");
        }
        for (Element transform : list) {
            requireAllowed(transform.getAttributeNS(null, "Algorithm"), allowedTransforms, "transform");
        }
    }

    private void checkEncryption(Found found) throws SecurityFault {
        if (!decryption.enabled() && (!found.encryptedKeys.isEmpty() || !found.encryptedData.isEmpty())) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "encrypted content, but no decryption key configured");
        }
        for (Element key : found.encryptedKeys) {
            requireAllowed(algorithm(key, "EncryptionMethod", XmlNames.XENC),
                    decryption.keyTransportAlgorithms(), "key transport");
        }
        for (Element data : found.encryptedData) {
            requireAllowed(algorithm(data, "EncryptionMethod", XmlNames.XENC),
                    decryption.dataAlgorithms(), "data encryption");
        }
    }

    /**
     * Every ds:Signature, xenc:EncryptedKey and xenc:EncryptedData of the message, wherever they
     * are, in document order: one walk over the tree (three getElementsByTagNameNS lists walked it
     * again for every length and item, a tenth of validating a 100 KB message).
     */
    private record Found(List<Element> signatures, List<Element> encryptedKeys, List<Element> encryptedData) {
        static Found in(Element root) {
            Found found = new Found(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            Node node = root;
            while (node != null) {
                if (node instanceof Element e) {
                    found.add(e);
                }
                node = next(node, root);
            }
            return found;
        }

        private void add(Element e) {
            String ns = e.getNamespaceURI();
            String local = e.getLocalName();
            if (XmlNames.DS.equals(ns) && "Signature".equals(local)) {
                signatures.add(e);
            } else if (XmlNames.XENC.equals(ns) && "EncryptedKey".equals(local)) {
                encryptedKeys.add(e);
            } else if (XmlNames.XENC.equals(ns) && "EncryptedData".equals(local)) {
                encryptedData.add(e);
            }
        }

        /** The next node in document order under {@code root}, elements' children first; null at the end. */
        private static Node next(Node node, Node root) {
            if (node.getFirstChild() != null) {
                return node.getFirstChild();
            }
            for (Node n = node; n != null && n != root; n = n.getParentNode()) {
                if (n.getNextSibling() != null) {
                    return n.getNextSibling();
                }
            }
            return null;
        }
    }

    static String algorithm(Element parent, String child) throws SecurityFault {
        return algorithm(parent, child, XmlNames.DS);
    }

    private static String algorithm(Element parent, String child, String namespace) throws SecurityFault {
        Element e = firstChild(parent, namespace, child);
        if (e == null) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "missing " + child);
        }
        return e.getAttributeNS(null, "Algorithm");
    }

    static void requireAllowed(String algorithm, Set<String> allowed, String kind) throws SecurityFault {
        if (!allowed.contains(algorithm)) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_ALGORITHM, kind + " algorithm not allowed: " + algorithm);
        }
    }

    static Element firstChild(Element parent, String namespace, String localName) {
        for (Element e : Documents.childElements(parent)) {
            if (localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
