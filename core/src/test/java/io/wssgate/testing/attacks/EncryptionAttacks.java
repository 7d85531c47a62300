package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENC;
import static io.wssgate.testing.attacks.AttackFixture.ENC_12;
import static io.wssgate.testing.attacks.MessageDom.XENC;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Weak encryption algorithms, a Body sent in clear where encryption is required, and decryption failures. Every decryption failure must produce
 * the same answer, byte for byte apart from the correlation id: a receiver that answers a
 * broken key differently from a broken ciphertext is a padding/format oracle
 * ({@link #decryptionFailures} lists them for that comparison).
 */
public final class EncryptionAttacks {
    static final String CATEGORY = "Encryption";
    static final String RSA_15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";

    private EncryptionAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.post(CATEGORY, "RSA 1.5 key transport", ENC,
                () -> f.x509(ENC).encryptBodyFor(f.server.certificate(), KeyIdType.ISSUER_SERIAL, null, RSA_15).build(),
                FaultCode.UNSUPPORTED_ALGORITHM));
        attacks.add(Attack.post(CATEGORY, "AES-256-CBC where only GCM is allowed", ENC,
                () -> f.x509(ENC).encryptBodyFor(f.server.certificate(), KeyIdType.ISSUER_SERIAL, AES256_CBC, null)
                        .build(), FaultCode.UNSUPPORTED_ALGORITHM));
        for (String path : List.of(ENC, ENC_12)) {
            // a valid signature from the trusted client, but the confidential Body travels in clear
            attacks.add(Attack.post(CATEGORY, "signed but not encrypted Body" + soap12Suffix(path), path,
                    () -> f.x509(path).build(), FaultCode.FAILED_CHECK));
        }
        for (String path : List.of(ENC, ENC_12)) {
            // WSS Gate declares EncryptedHeader understood (the JAX-WS handler tells Metro so): one it
            // did not decrypt must be refused, never let through as if it had been processed
            attacks.add(Attack.post(CATEGORY, "mustUnderstand EncryptedHeader no key decrypts (left out of the"
                    + " ReferenceList)" + soap12Suffix(path), path,
                    () -> MessageDom.edit(f.encryptedWithHeader(path, false, false).build(),
                            EncryptionAttacks::dropEncryptedHeaderReference), FaultCode.FAILED_CHECK));
        }
        attacks.addAll(decryptionFailures(f, ENC));
        attacks.addAll(decryptionFailures(f, ENC_12));
        return attacks;
    }

    /** Each fails only at decryption, each for another reason; all must look the same to the sender. */
    public static List<Attack> decryptionFailures(AttackFixture f, String path) {
        String v = soap12Suffix(path);
        return List.of(
                Attack.post(CATEGORY, "decryption failure: EncryptedKey for another recipient" + v, path,
                        () -> f.x509(path).encryptBodyFor(f.otherServer.certificate()).build(), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: one bit flipped in the EncryptedKey" + v, path,
                        () -> MessageDom.edit(f.encrypted(path).build(), doc -> flipBit(cipherValue(doc, "EncryptedKey"))),
                        FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: one bit flipped in the Body ciphertext" + v, path,
                        () -> MessageDom.edit(f.encrypted(path).build(), doc -> flipBit(cipherValue(doc, "EncryptedData"))),
                        FaultCode.FAILED_CHECK));
    }

    /**
     * Removes the DataReference to the EncryptedHeader's EncryptedData from the EncryptedKey's
     * ReferenceList: the header stays encrypted, since nothing tells the receiver to decrypt it.
     */
    private static void dropEncryptedHeaderReference(Document doc) {
        Element encryptedHeader = MessageDom.first(doc, AttackFixture.WSSE11, "EncryptedHeader");
        Element data = (Element) encryptedHeader.getElementsByTagNameNS(XENC, "EncryptedData").item(0);
        String uri = "#" + data.getAttributeNS(null, "Id");
        for (Element reference : MessageDom.all(doc, XENC, "DataReference")) {
            if (uri.equals(reference.getAttributeNS(null, "URI"))) {
                reference.getParentNode().removeChild(reference);
                return;
            }
        }
        throw new IllegalStateException("no DataReference " + uri);
    }

    private static String soap12Suffix(String path) {
        return AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
    }

    private static Element cipherValue(Document doc, String container) {
        Element encrypted = MessageDom.first(doc, XENC, container);
        return (Element) encrypted.getElementsByTagNameNS(XENC, "CipherValue").item(0);
    }

    /** Flips the lowest bit of the middle byte of a base64 CipherValue. */
    private static void flipBit(Element cipherValue) {
        byte[] bytes = Base64.getMimeDecoder().decode(cipherValue.getTextContent());
        bytes[bytes.length / 2] ^= 1;
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(bytes));
    }
}
