package io.wssgate.outbound;

import io.wssgate.spi.OutboundAttachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.dom.message.WSSecEncrypt;

/**
 * Encrypts the SwA attachments a message is sent with (WSS SwA Profile 1.1,
 * Attachment-Content-Only): WSS4J writes an EncryptedData with a CipherReference per attachment
 * into the header and lists it in the EncryptedKey, and the transport sends, in place of each
 * attachment, its ciphertext ({@code application/octet-stream}; the original type is the
 * EncryptedData's MimeType). The ciphertext is never held: each opening of the attachment
 * encrypts its source again under the message's key with a fresh IV (the signature, made
 * before, covers the plaintext, so every such ciphertext is equally valid).
 */
final class AttachmentEncrypting {
    private static final Set<String> GCM = Set.of("http://www.w3.org/2009/xmlenc11#aes128-gcm",
            "http://www.w3.org/2009/xmlenc11#aes192-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AttachmentEncrypting() {
    }

    /** Adds the attachments to {@code encrypt}; returns them as they are to be sent once it is built. */
    static List<OutboundAttachment> add(WSSecEncrypt encrypt, List<OutboundAttachment> attachments, SecretKey key,
                                        String algorithm) {
        if (attachments.isEmpty()) {
            return List.of();
        }
        if (!GCM.contains(algorithm) && !algorithm.endsWith("-cbc")) {
            throw new IllegalArgumentException("attachments cannot be encrypted with " + algorithm);
        }
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        encrypt.setAttachmentCallbackHandler(new Callbacks(attachments));
        List<OutboundAttachment> sent = new ArrayList<>();
        for (OutboundAttachment a : attachments) {
            sent.add(new OutboundAttachment(a.contentId(), "application/octet-stream",
                    () -> ciphertext(a.content().open(), key, algorithm)));
        }
        return sent;
    }

    /** IV followed by the ciphertext (and the GCM tag), as XML Encryption lays out CipherData. */
    static InputStream ciphertext(InputStream plaintext, SecretKey key, String algorithm) throws IOException {
        try {
            boolean gcm = GCM.contains(algorithm);
            boolean tripleDes = algorithm.endsWith("tripledes-cbc");
            byte[] iv = new byte[gcm ? 12 : tripleDes ? 8 : 16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding"
                    : (tripleDes ? "DESede" : "AES") + "/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
            return new SequenceInputStream(new ByteArrayInputStream(iv), new CipherInputStream(plaintext, cipher));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt an attachment with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands WSS4J the attachments so that it writes their EncryptedData (it reads nothing of them
     * for Attachment-Content-Only); its own encrypted streams are not used.
     */
    private record Callbacks(List<OutboundAttachment> attachments) implements CallbackHandler {
        @Override
        public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof AttachmentRequestCallback request) {
                    List<Attachment> found = new ArrayList<>();
                    for (OutboundAttachment a : attachments) {
                        if (a.contentId().equals(request.getAttachmentId())
                                || "Attachments".equals(request.getAttachmentId())) {
                            Attachment attachment = new Attachment();
                            attachment.setId(a.contentId());
                            attachment.setMimeType(a.contentType());
                            attachment.addHeader("Content-Type", a.contentType());
                            attachment.addHeader("Content-ID", "<" + a.contentId() + ">");
                            attachment.setSourceStream(InputStream.nullInputStream());
                            found.add(attachment);
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
