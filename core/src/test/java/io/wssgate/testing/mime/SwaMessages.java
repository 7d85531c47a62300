package io.wssgate.testing.mime;

import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;

/**
 * SOAP with Attachments requests as an independent sender makes them (WSS4J's own SwA signing,
 * OASIS WSS SwA Profile 1.1): a SOAP 1.1 envelope whose Body and Timestamp are signed together
 * with the attachments (Attachment-Content or -Complete Signature Transform, {@code cid:}
 * references), packaged as {@code multipart/related}.
 */
public final class SwaMessages {
    static {
        WSSConfig.init();
    }

    private final List<Multipart.Part> parts = new ArrayList<>();
    private final List<String> unsigned = new ArrayList<>();
    private Identity signer;
    private boolean complete;
    private String body = "<ns:upload xmlns:ns=\"urn:wssgate:test\">document attached</ns:upload>";
    private Consumer<Multipart> extra = m -> { };
    private int timeToLive = 300;
    private Map<String, byte[]> replaced = new LinkedHashMap<>();

    /** The Timestamp's lifetime in seconds (default 300). */
    public SwaMessages timeToLive(int seconds) {
        this.timeToLive = seconds;
        return this;
    }

    public static SwaMessages signedBy(Identity signer) {
        SwaMessages m = new SwaMessages();
        m.signer = signer;
        return m;
    }

    /** The Body's content (default: an upload element). */
    public SwaMessages body(String xml) {
        this.body = xml;
        return this;
    }

    public SwaMessages attach(String contentId, String contentType, byte[] content) {
        parts.add(new Multipart.Part(contentId, contentType, content));
        return this;
    }

    /** An attachment the signature leaves out. */
    public SwaMessages attachUnsigned(String contentId, String contentType, byte[] content) {
        unsigned.add(contentId);
        return attach(contentId, contentType, content);
    }

    /** Sign with the Attachment-Complete transform (headers too) instead of Attachment-Content. */
    public SwaMessages completeTransform() {
        this.complete = true;
        return this;
    }

    /** After signing, send {@code content} as attachment {@code contentId}'s content instead. */
    public SwaMessages replaceAfterSigning(String contentId, byte[] content) {
        replaced.put(contentId, content);
        return this;
    }

    /** Writes more into the package after the signed parts, before the close delimiter. */
    public SwaMessages andThen(Consumer<Multipart> more) {
        this.extra = more;
        return this;
    }

    /** The signed envelope alone (for a test that packages it itself). */
    public byte[] envelope() {
        return io.wssgate.soap.Documents.serialize(sign());
    }

    /** The whole package, and the Content-Type to send it with. */
    public Package build() {
        byte[] envelope = io.wssgate.soap.Documents.serialize(sign());
        Multipart mime = new Multipart().root(envelope);
        for (Multipart.Part part : parts) {
            mime.part(part.headers(), replaced.getOrDefault(part.contentId(), part.content()));
        }
        extra.accept(mime);
        mime.close();
        return new Package(mime.bytes(), mime.contentType(), envelope);
    }

    /** A MIME request: its body and Content-Type, and the root envelope it carries. */
    public record Package(byte[] body, String contentType, byte[] envelope) {
        public String envelopeText() {
            return new String(envelope, StandardCharsets.UTF_8);
        }
    }

    private Document sign() {
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
            List<Multipart.Part> signed = parts.stream().filter(p -> !unsigned.contains(p.contentId())).toList();
            if (!signed.isEmpty()) {
                // WSS4J signs attachments as one part: every attachment its callback returns for "Attachments"
                signature.getParts().add(new WSEncryptionPart("cid:Attachments", complete ? "Element" : "Content"));
            }
            signature.setAttachmentCallbackHandler(new Sender(signed));
            signature.build(io.wssgate.testing.TestCrypto.keysOf(signer));
            return doc;
        } catch (WSSecurityException | java.io.IOException e) {
            throw new IllegalStateException("WSS4J could not sign the SwA message: " + e.getMessage(), e);
        }
    }

    /** Hands WSS4J the attachments as the sender holds them. */
    private record Sender(List<Multipart.Part> parts) implements CallbackHandler {
        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof AttachmentRequestCallback request) {
                    List<Attachment> found = new ArrayList<>();
                    for (Multipart.Part part : parts) {
                        if (request.getAttachmentId().equals(part.contentId())
                                || "Attachments".equals(request.getAttachmentId())) {
                            Attachment a = new Attachment();
                            a.setId(part.contentId());
                            a.setMimeType(part.contentType());
                            a.addHeader("Content-Type", part.contentType());
                            a.addHeader("Content-Transfer-Encoding", "binary");
                            a.addHeader("Content-ID", "<" + part.contentId() + ">");
                            a.setSourceStream(new ByteArrayInputStream(part.content()));
                            found.add(a);
                        }
                    }
                    request.setAttachments(found);
                } else if (!(callback instanceof AttachmentResultCallback)) {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }
    }
}
