package io.wssgate.inbound;

import io.wssgate.spi.LoadedKey;
import java.security.Key;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Element;

/**
 * Decrypts a checked EncryptedAssertion ({@link EncryptedAssertionShape.Parts}) with Santuario's
 * XMLCipher in secure-validation mode, the key always given explicitly, so no KeyInfo is ever
 * resolved. With several EncryptedKeys the one naming our certificate is used; with one, that one.
 * If the session key cannot be unwrapped, decryption goes on with a random key and fails at the
 * data (a GCM tag, padding or the parse), so a broken key, a broken ciphertext and a key for
 * someone else take the same path and end in the same {@link DecryptionFailed}.
 */
final class AssertionCipher {
    private static final Map<String, Integer> KEY_BYTES = Map.of(
            XMLCipher.AES_128_GCM, 16, XMLCipher.AES_192_GCM, 24, XMLCipher.AES_256_GCM, 32,
            XMLCipher.AES_128, 16, XMLCipher.AES_192, 24, XMLCipher.AES_256, 32, XMLCipher.TRIPLEDES, 24);

    static {
        org.apache.xml.security.Init.init();
    }

    private final LoadedKey key;
    private final RecipientCertificate recipient;
    private final SecureRandom random = new SecureRandom();

    AssertionCipher(LoadedKey key) {
        this.key = key;
        this.recipient = new RecipientCertificate(key.certificate());
    }

    /** The plaintext octets of the EncryptedData. */
    byte[] decrypt(EncryptedAssertionShape.Parts parts) throws DecryptionFailed {
        String dataAlgorithm = EncryptedAssertionShape.child(parts.encryptedData(), XmlNames.XENC, "EncryptionMethod")
                .getAttributeNS(null, "Algorithm");
        Unwrapped session = sessionKey(ourEncryptedKey(parts.encryptedKeys()), dataAlgorithm);
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.setSecureValidation(true);
            cipher.init(XMLCipher.DECRYPT_MODE, session.key());
            return cipher.decryptToByteArray(parts.encryptedData());
        } catch (Exception e) {
            DecryptionFailed failed = new DecryptionFailed("the EncryptedData could not be decrypted"
                    + (session.failure() == null ? "" : " (its session key could not be unwrapped)"), e);
            if (session.failure() != null) {
                failed.addSuppressed(session.failure());
            }
            throw failed;
        }
    }

    private Element ourEncryptedKey(List<Element> keys) throws DecryptionFailed {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        for (Element candidate : keys) {
            if (recipient.namedBy(EncryptedAssertionShape.child(candidate, XmlNames.DS, "KeyInfo"))) {
                return candidate;
            }
        }
        throw new DecryptionFailed("none of " + keys.size() + " EncryptedKeys names our certificate", null);
    }

    /** The unwrapped session key, or a random one of the right size if unwrapping fails. */
    private Unwrapped sessionKey(Element encryptedKey, String dataAlgorithm) throws DecryptionFailed {
        Integer size = KEY_BYTES.get(dataAlgorithm);
        if (size == null) {
            throw new DecryptionFailed("no key size known for " + dataAlgorithm, null);
        }
        Exception failure;
        try {
            XMLCipher unwrapper = XMLCipher.getInstance();
            unwrapper.setSecureValidation(true);
            unwrapper.init(XMLCipher.UNWRAP_MODE, key.privateKey());
            EncryptedKey loaded = unwrapper.loadEncryptedKey(encryptedKey.getOwnerDocument(), encryptedKey);
            Key unwrapped = unwrapper.decryptKey(loaded, dataAlgorithm);
            if (unwrapped.getEncoded() != null && unwrapped.getEncoded().length == size) {
                return new Unwrapped(unwrapped, null);
            }
            failure = new IllegalStateException("unwrapped key of the wrong size for " + dataAlgorithm);
        } catch (Exception e) {
            failure = e;
        }
        // not reported yet: the random key makes the data decryption fail, so this failure takes
        // the same path (and about the same time) as a broken ciphertext
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return new Unwrapped(new SecretKeySpec(bytes, dataAlgorithm.equals(XMLCipher.TRIPLEDES) ? "DESede" : "AES"),
                failure);
    }

    private record Unwrapped(Key key, Exception failure) {
    }

    /** Every way decryption can fail; the cause is for the server log only. */
    static final class DecryptionFailed extends Exception {
        private static final long serialVersionUID = 1L;

        DecryptionFailed(String detail, Throwable cause) {
            super(detail, cause);
        }
    }
}
