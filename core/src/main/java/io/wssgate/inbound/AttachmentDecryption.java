package io.wssgate.inbound;

import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSDataRef;
import org.w3c.dom.Element;

/**
 * Decrypts one SwA encrypted attachment (OASIS WSS SwA Profile 1.1: an EncryptedData of Type
 * {@code Attachment-Content-Only} or {@code Attachment-Complete} whose CipherReference names the
 * part) into the package, streaming: the ciphertext is read from the spooled request and the
 * plaintext written to a file, whatever their size.
 *
 * <p>Why not WSS4J's own attachment decryption: it reads the part through a JCE
 * {@code CipherInputStream}, and the JDK's AES-GCM releases no plaintext before it has seen the
 * whole ciphertext and its tag, so it holds the entire attachment in memory (twice). Here AES-GCM
 * is decrypted as what it is, AES in counter mode from the second counter block, while the same
 * key and IV re-encrypt the plaintext with the provider's own GCM, whose tag must equal the
 * received one (GCM is deterministic for a key, IV and plaintext: equal tags mean the ciphertext
 * is the one the sender authenticated). The plaintext only becomes the attachment after the tag
 * matched. CBC streams as it is.
 */
final class AttachmentDecryption {
    static final String CONTENT_ONLY = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Only";
    static final String COMPLETE = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Complete";
    private static final Set<String> GCM = Set.of("http://www.w3.org/2009/xmlenc11#aes128-gcm",
            "http://www.w3.org/2009/xmlenc11#aes192-gcm", "http://www.w3.org/2009/xmlenc11#aes256-gcm");
    private static final Set<String> CBC = Set.of("http://www.w3.org/2001/04/xmlenc#aes128-cbc",
            "http://www.w3.org/2001/04/xmlenc#aes192-cbc", "http://www.w3.org/2001/04/xmlenc#aes256-cbc");
    private static final String TRIPLE_DES = "http://www.w3.org/2001/04/xmlenc#tripledes-cbc";
    private static final int TAG_BYTES = 16;

    private AttachmentDecryption() {
    }

    /** Whether {@code encryptedData} encrypts an attachment (by its SwA Type). */
    static boolean isAttachment(Element encryptedData) {
        String type = encryptedData.getAttributeNS(null, "Type");
        return CONTENT_ONLY.equals(type) || COMPLETE.equals(type);
    }

    /**
     * Decrypts the attachment {@code encryptedData} names into {@code mime} and removes the
     * EncryptedData from the header (as WSS4J does for the attachments it decrypts), returning
     * WSS4J's record of it. The shapes (CipherReference, its transforms, one EncryptedData per
     * part) were checked before processing ({@code AttachmentEncryption}).
     */
    static WSDataRef decrypt(Element encryptedData, SecretKey key, String algorithm, AttachmentCallbacks callbacks)
            throws WSSecurityException {
        MimePackage mime = callbacks.mime();
        String uri = AttachmentEncryption.cipherReference(encryptedData).orElseThrow(() -> failed(null));
        MimePart part = AttachmentCallbacks.resolve(mime, uri).orElseThrow(() -> failed(null));
        String mimeType = encryptedData.getAttributeNS(null, "MimeType");
        try (InputStream plaintext = plaintext(mime.content(part), key, algorithm)) {
            mime.decrypt(part, plaintext, COMPLETE.equals(encryptedData.getAttributeNS(null, "Type")),
                    mimeType.isEmpty() ? Optional.empty() : Optional.of(mimeType));
        } catch (IOException | GeneralSecurityException | SecurityFault e) {
            throw failed(e);
        }
        if (AttachmentReferences.isXml(mime.mediaType(part))) {
            try {
                // WSS4J's signature transform parses an XML attachment: bounded and without a DTD first
                AttachmentReferences.checkXml(mime, part, uri, callbacks.maxXmlBytes());
            } catch (SecurityFault e) {
                throw failed(e);
            }
        }
        WSDataRef ref = new WSDataRef();
        ref.setWsuId(uri);
        ref.setAttachment(true);
        ref.setContent(true);
        ref.setAlgorithm(algorithm);
        ref.setEncryptedElement(encryptedData);
        encryptedData.getParentNode().removeChild(encryptedData);
        return ref;
    }

    private static InputStream plaintext(InputStream ciphertext, SecretKey key, String algorithm)
            throws IOException, GeneralSecurityException {
        if (GCM.contains(algorithm)) {
            return gcm(ciphertext, key);
        }
        int ivLength = TRIPLE_DES.equals(algorithm) ? 8 : 16;
        if (!CBC.contains(algorithm) && !TRIPLE_DES.equals(algorithm)) {
            throw new GeneralSecurityException("no attachment decryption for " + algorithm);
        }
        byte[] iv = ciphertext.readNBytes(ivLength);
        if (iv.length != ivLength) {
            throw new GeneralSecurityException("ciphertext shorter than its IV");
        }
        // XML Encryption's padding: only the last byte (the pad length) has a meaning
        Cipher cipher = Cipher.getInstance((TRIPLE_DES.equals(algorithm) ? "DESede" : "AES") + "/CBC/ISO10126Padding");
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        return new CipherInputStream(ciphertext, cipher);
    }

    private static InputStream gcm(InputStream ciphertext, SecretKey key) throws IOException, GeneralSecurityException {
        byte[] iv = ciphertext.readNBytes(12);
        if (iv.length != 12) {
            throw new GeneralSecurityException("ciphertext shorter than its IV");
        }
        Cipher tag;
        try {
            tag = Cipher.getInstance("AES/GCM/NoPadding");
            tag.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
        } catch (GeneralSecurityException e) {
            // a provider that refuses a given IV for encryption (a FIPS module's approved mode):
            // its own GCM decryption, which holds the part (at most attachments.max-part-size) in memory
            Cipher whole = Cipher.getInstance("AES/GCM/NoPadding");
            whole.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            return new CipherInputStream(ciphertext, whole);
        }
        byte[] counter = new byte[16];
        System.arraycopy(iv, 0, counter, 0, 12);
        counter[15] = 2; // J0 = IV || 0^31 || 1; the first block of plaintext uses inc32(J0)
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
        return new GcmStream(ciphertext, ctr, tag);
    }

    private static WSSecurityException failed(Exception cause) {
        return cause == null ? new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK)
                : new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK, cause);
    }

    /**
     * AES-GCM plaintext from its ciphertext (tag at the end) without holding it: the last 16
     * bytes read are held back as the tag; at the end the re-encryption's tag must match, else
     * the stream fails instead of ending. Its buffers are allocated once.
     */
    private static final class GcmStream extends FilterInputStream {
        private static final int CHUNK = 64 * 1024;
        private final Cipher ctr;
        private final Cipher tag;
        /** Held-back bytes (the possible tag) followed by newly read ciphertext. */
        private final byte[] input = new byte[CHUNK + TAG_BYTES];
        private int held;
        private final byte[] plain = new byte[CHUNK + TAG_BYTES];
        private final byte[] discarded;
        private int plainAt;
        private int plainEnd;
        private boolean done;

        GcmStream(InputStream in, Cipher ctr, Cipher tag) {
            super(in);
            this.ctr = ctr;
            this.tag = tag;
            this.discarded = new byte[tag.getOutputSize(CHUNK + TAG_BYTES) + TAG_BYTES];
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (plainAt == plainEnd) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, plainEnd - plainAt);
            System.arraycopy(plain, plainAt, b, off, n);
            plainAt += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            while (skipped < n) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public int available() {
            return plainEnd - plainAt;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void fill() throws IOException {
            int n = in.read(input, held, CHUNK);
            if (n < 0) {
                finish();
                return;
            }
            int total = held + n;
            // the newest 16 bytes may be the tag: keep them back
            int release = Math.max(0, total - TAG_BYTES);
            try {
                plainEnd = release == 0 ? 0 : ctr.update(input, 0, release, plain, 0);
                plainAt = 0;
                if (plainEnd > 0) {
                    tag.update(plain, 0, plainEnd, discarded, 0);
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            held = total - release;
            System.arraycopy(input, release, input, 0, held);
        }

        private void finish() throws IOException {
            done = true;
            try {
                plainEnd = ctr.doFinal(plain, 0);
                plainAt = 0;
                if (plainEnd > 0) {
                    tag.update(plain, 0, plainEnd, discarded, 0);
                }
                int sealed = tag.doFinal(discarded, 0);
                if (held != TAG_BYTES || sealed < TAG_BYTES || !MessageDigest.isEqual(
                        java.util.Arrays.copyOfRange(discarded, sealed - TAG_BYTES, sealed),
                        java.util.Arrays.copyOf(input, TAG_BYTES))) {
                    throw new IOException("the attachment's AES-GCM tag does not match");
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
    }
}
