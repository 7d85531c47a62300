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
import org.apache.wss4j.dom.message.WSSecEncrypt;
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
    private java.security.cert.X509Certificate recipient;
    private boolean encryptComplete;
    private String encryptionAlgorithm = WSConstants.AES_256_GCM;
    private final List<String> clear = new ArrayList<>();
    private java.util.function.UnaryOperator<String> envelopeEdit = e -> e;
    /** The encrypted attachments as WSS4J wrote them: Content-ID to headers and ciphertext. */
    private final Map<String, Sent> encrypted = new LinkedHashMap<>();

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

    /**
     * After signing, encrypt the attachments for {@code recipient} (SwA Attachment-Content-Only,
     * or Attachment-Complete with {@code complete}), RSA-OAEP and {@link #encryptionAlgorithm}
     * (default AES-256-GCM), as WSS4J does: EncryptedData with a CipherReference per attachment,
     * listed in the EncryptedKey.
     */
    public SwaMessages encryptFor(java.security.cert.X509Certificate recipient, boolean complete) {
        this.recipient = recipient;
        this.encryptComplete = complete;
        return this;
    }

    public SwaMessages encryptionAlgorithm(String uri) {
        this.encryptionAlgorithm = uri;
        return this;
    }

    /** An attachment that stays unencrypted when the others are encrypted. */
    public SwaMessages leaveInClear(String contentId) {
        clear.add(contentId);
        return this;
    }

    /** Edits the secured envelope's text before packaging (e.g. to swap two CipherReferences). */
    public SwaMessages editEnvelope(java.util.function.UnaryOperator<String> edit) {
        this.envelopeEdit = edit;
        return this;
    }

    /** Writes more into the package after the signed parts, before the close delimiter. */
    public SwaMessages andThen(Consumer<Multipart> more) {
        this.extra = more;
        return this;
    }

    /** The signed envelope alone (for a test that packages it itself). */
    public byte[] envelope() {
        return secured();
    }

    private byte[] secured() {
        encrypted.clear();
        String text = new String(io.wssgate.soap.Documents.serialize(sign()), StandardCharsets.UTF_8);
        return envelopeEdit.apply(text).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole package, and the Content-Type to send it with. */
    public Package build() {
        byte[] envelope = secured();
        Multipart mime = new Multipart().root(envelope);
        for (Multipart.Part part : parts) {
            Sent sent = encrypted.getOrDefault(part.contentId(), new Sent(part.headers(), part.content()));
            mime.part(sent.headers(), replaced.getOrDefault(part.contentId(), sent.content()));
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
            if (recipient != null) {
                encrypt(header);
            }
            return doc;
        } catch (WSSecurityException | java.io.IOException e) {
            throw new IllegalStateException("WSS4J could not sign the SwA message: " + e.getMessage(), e);
        }
    }

    private void encrypt(WSSecHeader header) throws WSSecurityException {
        WSSecEncrypt encrypt = new WSSecEncrypt(header);
        encrypt.setUseThisCert(recipient);
        encrypt.setKeyIdentifierType(WSConstants.ISSUER_SERIAL);
        encrypt.setSymmetricEncAlgorithm(encryptionAlgorithm);
        encrypt.setKeyEncAlgo(WSConstants.KEYTRANSPORT_RSAOAEP);
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", encryptComplete ? "Element" : "Content"));
        List<Multipart.Part> toEncrypt = parts.stream().filter(p -> !clear.contains(p.contentId())).toList();
        encrypt.setAttachmentCallbackHandler(new Sender(toEncrypt, encrypted));
        javax.crypto.SecretKey key = org.apache.wss4j.common.util.KeyUtils.getKeyGenerator(encryptionAlgorithm)
                .generateKey();
        encrypt.build(new org.apache.wss4j.common.crypto.Merlin(), key);
    }

    /** Hands WSS4J the attachments as the sender holds them. */
    /** A part as it goes out: its header lines and content. */
    private record Sent(List<String> headers, byte[] content) {
    }

    private record Sender(List<Multipart.Part> parts, Map<String, Sent> results) implements CallbackHandler {
        Sender(List<Multipart.Part> parts) {
            this(parts, new LinkedHashMap<>());
        }

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
                } else if (callback instanceof AttachmentResultCallback result) {
                    // an encrypted attachment: its headers and ciphertext, as they are to be sent
                    Attachment a = result.getAttachment();
                    // WSS4J leaves the Content-ID to the transport (as CXF writes it from the attachment's id)
                    List<String> headers = new ArrayList<>();
                    a.getHeaders().forEach((name, value) -> {
                        if (!name.equalsIgnoreCase("Content-ID") && !name.equalsIgnoreCase("Content-Type")) {
                            headers.add(name + ": " + value);
                        }
                    });
                    headers.add("Content-Type: " + (a.getMimeType() == null ? "application/octet-stream"
                            : a.getMimeType()));
                    headers.add("Content-ID: <" + result.getAttachmentId() + ">");
                    try {
                        results.put(result.getAttachmentId(), new Sent(headers, a.getSourceStream().readAllBytes()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }
    }
}
