package io.wssgate.testing.attacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Element;

/**
 * What a sender who made an encrypted message can do with it: it chose the session key, so it can
 * encrypt any plaintext under it. The tests recover that key with the recipient's private key
 * (RSA-OAEP, SHA-1 and MGF1-SHA-1, the rsa-oaep-mgf1p default) only because the encrypting
 * library does not hand it out; an attacker simply keeps it. The result is ciphertext that
 * decrypts without error, so only the plaintext rule under test can refuse it.
 */
public final class AttackerEncryption {
    private AttackerEncryption() {
    }

    /** The session key wrapped in {@code encryptedKey} (an xenc:EncryptedKey), unwrapped with {@code recipient}. */
    public static byte[] sessionKey(Element encryptedKey, PrivateKey recipient) {
        String wrapped = encryptedKey.getElementsByTagNameNS(MessageDom.XENC, "CipherValue").item(0)
                .getTextContent().replaceAll("\\s", "");
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, recipient, new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
                    PSource.PSpecified.DEFAULT));
            return rsa.doFinal(Base64.getDecoder().decode(wrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the session key", e);
        }
    }

    /** Sets {@code cipherValue}'s text to {@code plaintext} encrypted with XML Encryption 1.1 AES-GCM under {@code key}. */
    public static void encryptInto(Element cipherValue, byte[] key, String plaintext) {
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(
                aesGcm(key, plaintext.getBytes(StandardCharsets.UTF_8))));
    }

    /** 12-byte IV, then ciphertext and 128-bit tag. */
    private static byte[] aesGcm(byte[] key, byte[] plaintext) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(plaintext);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }
}
