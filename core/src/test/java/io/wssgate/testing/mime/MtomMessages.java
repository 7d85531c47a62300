package io.wssgate.testing.mime;

import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * MTOM requests as XOP 1.0 describes them: the sender signs the envelope with each document as
 * base64 text in the Body (WSS4J, Body and Timestamp), then optimizes it: each base64 element's
 * text becomes an {@code xop:Include} naming a part that carries the raw octets. The package's
 * root is {@code application/xop+xml}.
 */
public final class MtomMessages {
    static {
        WSSConfig.init();
    }

    public static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";

    private final Identity signer;
    private final Map<String, byte[]> documents = new LinkedHashMap<>();
    private int timeToLive = 300;
    private final Map<String, byte[]> replaced = new LinkedHashMap<>();
    private UnaryOperator<String> editRoot = UnaryOperator.identity();
    private final List<Multipart.Part> extraParts = new ArrayList<>();
    private String operationNs = "urn:wssgate:test";
    private String operation = "upload";
    private String partNs = "urn:wssgate:test";
    private String partName = "document";
    private boolean certificateAsAttachment;

    private MtomMessages(Identity signer) {
        this.signer = signer;
    }

    /** The Timestamp's lifetime in seconds (default 300). */
    public MtomMessages timeToLive(int seconds) {
        this.timeToLive = seconds;
        return this;
    }

    public static MtomMessages signedBy(Identity signer) {
        return new MtomMessages(signer);
    }

    /**
     * The Body as a document/literal wrapped operation: {@code <op:operation xmlns:op=namespace>}
     * holding one unqualified {@code <partName>} element per document (default: urn:wssgate:test
     * upload with qualified {@code document} elements).
     */
    public MtomMessages operation(String namespace, String operation, String partName) {
        this.operationNs = namespace;
        this.operation = operation;
        this.partNs = "";
        this.partName = partName;
        return this;
    }

    /** A document in the Body ({@code <ns:document ns:id=...>}) sent as the attachment {@code contentId}. */
    public MtomMessages document(String contentId, byte[] content) {
        documents.put(contentId, content);
        return this;
    }

    /**
     * Sends the signing certificate's BinarySecurityToken content as an attachment too, as
     * Apache CXF does with MTOM on (its {@code storeBytesInAttachment}).
     */
    public MtomMessages certificateAsAttachment() {
        this.certificateAsAttachment = true;
        return this;
    }

    /** After signing, send other octets in the attachment {@code contentId}. */
    public MtomMessages replaceAfterSigning(String contentId, byte[] content) {
        replaced.put(contentId, content);
        return this;
    }

    /** Edits the serialized root envelope after signing (e.g. an xop:Include's href). */
    public MtomMessages editRoot(UnaryOperator<String> edit) {
        this.editRoot = edit;
        return this;
    }

    /** Another part in the package, after the documents. */
    public MtomMessages extraPart(String contentId, String contentType, byte[] content) {
        extraParts.add(new Multipart.Part(contentId, contentType, content));
        return this;
    }

    /**
     * Optimizes an envelope some other builder signed (e.g. under a SAML holder-of-key assertion)
     * as XOP does: the text of each element named {@code {partNs}partName}, in document order,
     * becomes an xop:Include naming the next of {@code contentIds}, whose part carries the octets
     * the text encoded. The package's root is {@code application/xop+xml}.
     */
    public static SwaMessages.Package optimize(byte[] signedEnvelope, String partNs, String partName,
                                               List<String> contentIds) {
        try {
            Document doc = io.wssgate.soap.Documents.parse(signedEnvelope);
            var list = doc.getElementsByTagNameNS(partNs.isEmpty() ? null : partNs, partName);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                elements.add((Element) list.item(i));
            }
            List<byte[]> contents = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                Element element = elements.get(i);
                contents.add(Base64.getDecoder().decode(element.getTextContent().trim()));
                element.setTextContent(null);
                Element include = doc.createElementNS(XOP_NS, "xop:Include");
                include.setAttributeNS(null, "href", "cid:" + contentIds.get(i));
                element.appendChild(include);
            }
            byte[] envelope = io.wssgate.soap.Documents.serialize(doc);
            Multipart mime = new Multipart().xopRoot(envelope, "text/xml");
            for (int i = 0; i < contents.size(); i++) {
                mime.attachment(contentIds.get(i), "application/octet-stream", contents.get(i));
            }
            mime.close();
            return new SwaMessages.Package(mime.bytes(), mime.contentType() + "; start-info=\"text/xml\"", envelope);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an envelope: " + e.getMessage(), e);
        }
    }

    public SwaMessages.Package build() {
        Document doc = sign();
        List<String> ids = new ArrayList<>(documents.keySet());
        List<Element> elements = elements(doc);
        for (int i = 0; i < elements.size(); i++) {
            // the documents are in the Body in the order they were added
            Element document = elements.get(i);
            String cid = ids.get(i);
            document.setTextContent(null);
            Element include = doc.createElementNS(XOP_NS, "xop:Include");
            include.setAttributeNS(null, "href", "cid:" + cid);
            document.appendChild(include);
        }
        byte[] certificate = null;
        if (certificateAsAttachment) {
            Element bst = (Element) doc.getElementsByTagNameNS(WSConstants.WSSE_NS, "BinarySecurityToken").item(0);
            certificate = Base64.getDecoder().decode(bst.getTextContent().trim());
            bst.setTextContent(null);
            Element include = doc.createElementNS(XOP_NS, "xop:Include");
            include.setAttributeNS(null, "href", "cid:certificate@wssgate.test");
            bst.appendChild(include);
        }
        String root = editRoot.apply(new String(io.wssgate.soap.Documents.serialize(doc), StandardCharsets.UTF_8));
        byte[] envelope = root.getBytes(StandardCharsets.UTF_8);
        Multipart mime = new Multipart().xopRoot(envelope, "text/xml");
        documents.forEach((cid, content) -> mime.attachment(cid, "application/octet-stream",
                replaced.getOrDefault(cid, content)));
        if (certificate != null) {
            mime.attachment("certificate@wssgate.test", "application/octet-stream", certificate);
        }
        extraParts.forEach(p -> mime.part(p.headers(), p.content()));
        mime.close();
        return new SwaMessages.Package(mime.bytes(), mime.contentType() + "; start-info=\"text/xml\"", envelope);
    }

    private List<Element> elements(Document doc) {
        List<Element> found = new ArrayList<>();
        var list = partNs.isEmpty() ? doc.getElementsByTagNameNS(null, partName)
                : doc.getElementsByTagNameNS(partNs, partName);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private Document sign() {
        String element = partNs.isEmpty() ? partName : "ns:" + partName;
        StringBuilder body = new StringBuilder("<ns:" + operation + " xmlns:ns=\"" + operationNs + "\">");
        documents.forEach((cid, content) -> body.append("<" + element + ">")
                .append(Base64.getEncoder().encodeToString(content)).append("</" + element + ">"));
        body.append("</ns:" + operation + ">");
        try {
            Document doc = io.wssgate.soap.Documents.parse(("<soap:Envelope xmlns:soap=\"" + TestMessages.SOAP11_NS
                    + "\"><soap:Header/><soap:Body>" + body + "</soap:Body></soap:Envelope>")
                    .getBytes(StandardCharsets.UTF_8));
            WSSecHeader header = new WSSecHeader(doc);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive(timeToLive);
            timestamp.build();
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo(signer.name(), io.wssgate.testing.TestCrypto.KEY_PASSWORD);
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(WSConstants.RSA_SHA256);
            signature.setDigestAlgo(WSConstants.SHA256);
            signature.getParts().add(new WSEncryptionPart("Body", TestMessages.SOAP11_NS, "Element"));
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, "Element"));
            signature.build(io.wssgate.testing.TestCrypto.keysOf(signer));
            return doc;
        } catch (WSSecurityException | java.io.IOException e) {
            throw new IllegalStateException("WSS4J could not sign the MTOM message: " + e.getMessage(), e);
        }
    }
}
