package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENCSAML;
import static io.wssgate.testing.attacks.MessageDom.DS;
import static io.wssgate.testing.attacks.MessageDom.XENC;

import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** DOM surgery on valid "encsaml" messages (OpenSAML's INLINE layout), for the encrypted-assertion catalogues. */
final class EncryptedAssertionDom {
    private EncryptedAssertionDom() {
    }

    /** The valid holder-of-key message of "encsaml" (SOAP 1.1), edited. */
    static byte[] edit(AttackFixture f, Consumer<Document> edit) {
        return edit(f, ENCSAML, edit);
    }

    static byte[] edit(AttackFixture f, String path, Consumer<Document> edit) {
        return MessageDom.edit(f.encryptedHolderOfKey(path).build(), edit);
    }

    static byte[] replaceEncryptedAssertion(AttackFixture f, Function<Document, Element> by) {
        return edit(f, doc -> {
            Element old = encryptedAssertion(doc);
            old.getParentNode().replaceChild(by.apply(doc), old);
        });
    }

    static Element encryptedAssertion(Document doc) {
        return MessageDom.first(doc, SamlAttacks.SAML2_NS, "EncryptedAssertion");
    }

    static Element encryptedData(Document doc) {
        return MessageDom.child(encryptedAssertion(doc), XENC, "EncryptedData");
    }

    /** The EncryptedKey inline in the EncryptedData's KeyInfo (where OpenSAML's INLINE placement puts it). */
    static Element encryptedKey(Document doc) {
        return MessageDom.child(keyInfo(encryptedData(doc)), XENC, "EncryptedKey");
    }

    static Element keyInfo(Element parent) {
        return MessageDom.child(parent, DS, "KeyInfo");
    }

    static Element encryptionMethod(Element encrypted) {
        return MessageDom.child(encrypted, XENC, "EncryptionMethod");
    }

    static Element cipherValue(Element encrypted) {
        return MessageDom.child(MessageDom.child(encrypted, XENC, "CipherData"), XENC, "CipherValue");
    }

    static void flipBit(Element cipherValue) {
        byte[] bytes = Base64.getMimeDecoder().decode(cipherValue.getTextContent());
        bytes[bytes.length / 2] ^= 1;
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(bytes));
    }

    static void truncate(Element cipherValue) {
        byte[] bytes = Base64.getMimeDecoder().decode(cipherValue.getTextContent());
        cipherValue.setTextContent(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 16)));
    }
}
