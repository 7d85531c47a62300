package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENC;
import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.SAML_12;
import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.AttackFixture.X509_12;
import static io.wssgate.testing.attacks.MessageDom.XENC;

import io.wssgate.fault.FaultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Key references that name a token outside the Security header that uses them. WSS4J resolves a
 * reference to a token it has not processed by searching the whole document, so a signature's
 * BinarySecurityToken (or a holder-of-key assertion, or an EncryptedKey) placed in another
 * header or in the Body would key the message although no Security header of ours carries it.
 * Every message here is otherwise genuine: the moved token is intact, the signature still
 * verifies (the Body case is re-signed by the trusted client itself), and only the rule "a token
 * must be in the header that uses it" refuses it.
 */
public final class KeyReferenceAttacks {
    static final String CATEGORY = "Key reference outside the Security header";

    private KeyReferenceAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        for (String path : List.of(X509, X509_12)) {
            String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
            a.add(onX509(f, path, "BinarySecurityToken moved into a mustUnderstand=\"0\" header" + v,
                    KeyReferenceAttacks::tokenIntoIgnorableHeader));
            a.add(onX509(f, path, "BinarySecurityToken moved into a Security header for another actor" + v,
                    KeyReferenceAttacks::tokenIntoOtherActorsHeader));
        }
        a.add(Attack.post(CATEGORY, "BinarySecurityToken moved into the Body, message re-signed by the client", X509,
                () -> MessageDom.edit(f.x509(X509).build(), doc -> tokenIntoBody(f, doc)), FaultCode.INVALID_SECURITY));
        for (String path : List.of(SAML, SAML_12)) {
            String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
            a.add(Attack.post(CATEGORY, "holder-of-key assertion moved into a mustUnderstand=\"0\" header" + v, path,
                    () -> MessageDom.edit(f.holderOfKey(path).build(), KeyReferenceAttacks::assertionIntoIgnorableHeader),
                    FaultCode.INVALID_SECURITY));
        }
        a.add(Attack.post(CATEGORY, "EncryptedKey moved into a mustUnderstand=\"0\" header, its ReferenceList left behind",
                ENC, () -> MessageDom.edit(f.encrypted(ENC).build(), KeyReferenceAttacks::encryptedKeyOut),
                FaultCode.INVALID_SECURITY));
        return a;
    }

    private static Attack onX509(AttackFixture f, String path, String name, Consumer<Document> edit) {
        return Attack.post(CATEGORY, name, path, () -> MessageDom.edit(f.x509(path).build(), edit),
                FaultCode.INVALID_SECURITY);
    }

    private static Element bst(Document doc) {
        return MessageDom.child(MessageDom.security(doc), MessageDom.WSSE, "BinarySecurityToken");
    }

    private static Element ignorableHeader(Document doc) {
        Element wrapper = MessageDom.wrapper(doc, "Ignorable");
        wrapper.setAttributeNS(MessageDom.soapNs(doc), "soap:mustUnderstand", "0");
        MessageDom.header(doc).appendChild(wrapper);
        return wrapper;
    }

    private static void tokenIntoIgnorableHeader(Document doc) {
        MessageDom.move(bst(doc), ignorableHeader(doc));
    }

    private static void tokenIntoOtherActorsHeader(Document doc) {
        Element ours = MessageDom.security(doc);
        Element other = (Element) ours.cloneNode(false);
        boolean soap12 = MessageDom.soapNs(doc).endsWith("soap-envelope");
        other.setAttributeNS(MessageDom.soapNs(doc), soap12 ? "soap:role" : "soap:actor", "urn:someone:else");
        other.removeAttributeNS(MessageDom.soapNs(doc), "mustUnderstand");
        MessageDom.header(doc).appendChild(other);
        MessageDom.move(bst(doc), other);
    }

    private static void tokenIntoBody(AttackFixture f, Document doc) {
        Element body = MessageDom.body(doc);
        body.appendChild(bst(doc));
        Resigner.resign(doc, f.client.privateKey(), null, null);
    }

    private static void assertionIntoIgnorableHeader(Document doc) {
        MessageDom.move(MessageDom.first(doc, "urn:oasis:names:tc:SAML:2.0:assertion", "Assertion"), ignorableHeader(doc));
    }

    /**
     * The EncryptedKey (the Body's key) leaves the header; a standalone ReferenceList naming the
     * Body's EncryptedData stays, so decrypting the Body needs the key from elsewhere.
     */
    private static void encryptedKeyOut(Document doc) {
        Element security = MessageDom.security(doc);
        Element encryptedKey = MessageDom.child(security, XENC, "EncryptedKey");
        Element referenceList = MessageDom.child(encryptedKey, XENC, "ReferenceList");
        encryptedKey.removeChild(referenceList);
        security.insertBefore(referenceList, encryptedKey);
        MessageDom.move(encryptedKey, ignorableHeader(doc));
    }
}
