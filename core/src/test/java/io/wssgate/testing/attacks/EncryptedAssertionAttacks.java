package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.AUDIENCE;
import static io.wssgate.testing.attacks.AttackFixture.ENCSAML;
import static io.wssgate.testing.attacks.AttackFixture.ENCSAML_12;
import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.cipherValue;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.edit;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptedData;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptedKey;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptionMethod;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.flipBit;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.truncate;
import static io.wssgate.testing.attacks.MessageDom.DS;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlEncryption;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * saml2:EncryptedAssertion against "encsaml" (holder-of-key and sender-vouches, encrypted
 * assertions for the server key) and "saml" (which does not accept them). Three groups:
 *
 * <ul>
 * <li>the decrypted assertion is checked like a plain one: unsigned, another issuer, a proof
 * signature with the wrong key, a replayed OneTimeUse assertion;</li>
 * <li>wrapping: an EncryptedAssertion beside a plain assertion or a second one, a decrypted ID
 * that another element carries too, a signature over the ciphertext instead of the assertion;</li>
 * <li>plaintext a sender who knows the session key can choose (a DOCTYPE with entities, extra
 * siblings, text, something that is not an assertion), and weak algorithms.</li>
 * </ul>
 * The shapes of the 2022 OpenSAML advisory are in {@link EncryptedXmlAdvisoryAttacks}.
 *
 * Every decryption failure is the same FailedCheck, byte for byte, as a failed Body decryption
 * ({@link #decryptionFailures}).
 */
public final class EncryptedAssertionAttacks {
    static final String CATEGORY = "Encrypted SAML assertion";
    static final String SAML2_NS = SamlAttacks.SAML2_NS;
    private static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    private static final String RSA_15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    private EncryptedAssertionAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(CATEGORY, "EncryptedAssertion where the policy does not accept one", SAML,
                () -> f.encryptedHolderOfKey(SAML).build(), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "decrypted assertion not signed by its issuer", ENCSAML,
                () -> message(f, SamlSpec.saml2().unsigned().audienceRestriction(AUDIENCE)).holderOfKeyViaBst()
                        .encryptAssertionFor(f.server.certificate()).build(), FaultCode.INVALID_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "decrypted assertion signed by a trusted message signer, not the IdP", ENCSAML,
                () -> message(f, SamlSpec.saml2().signedBy(f.sender).audienceRestriction(AUDIENCE))
                        .encryptAssertionFor(f.server.certificate()).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "decrypted assertion for another audience", ENCSAML,
                () -> message(f, SamlSpec.saml2().signedBy(f.idp).audienceRestriction("urn:someone:else"))
                        .encryptAssertionFor(f.server.certificate()).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "holder-of-key: STR names the decrypted assertion, signature made with another key",
                ENCSAML, () -> message(f, f.assertion()).signWith(f.selfSigned, KeyIdType.BST)
                        .encryptAssertionFor(f.server.certificate()).build(), FaultCode.FAILED_CHECK));
        a.add(Attack.replay(CATEGORY, "OneTimeUse assertion, encrypted anew, used a second time", ENCSAML,
                () -> oneTimeUseTwice(f), FaultCode.INVALID_SECURITY));
        a.addAll(wrapping(f));
        a.addAll(chosenPlaintext(f));
        a.add(Attack.post(CATEGORY, "AES-256-CBC for the assertion where only GCM is allowed", ENCSAML,
                () -> edit(f, doc -> encryptionMethod(encryptedData(doc)).setAttributeNS(null, "Algorithm", AES256_CBC)),
                FaultCode.UNSUPPORTED_ALGORITHM));
        a.add(Attack.post(CATEGORY, "RSA 1.5 key transport for the assertion key", ENCSAML,
                () -> edit(f, doc -> encryptionMethod(encryptedKey(doc)).setAttributeNS(null, "Algorithm", RSA_15)),
                FaultCode.UNSUPPORTED_ALGORITHM));
        a.addAll(decryptionFailures(f, ENCSAML));
        a.addAll(decryptionFailures(f, ENCSAML_12));
        return a;
    }

    /** Each fails only at decryption or at the shape of the plaintext; all must look the same to the sender. */
    public static List<Attack> decryptionFailures(AttackFixture f, String path) {
        String v = AttackFixture.isSoap12(path) ? " (SOAP 1.2)" : "";
        return List.of(
                Attack.post(CATEGORY, "decryption failure: assertion encrypted for another recipient" + v, path,
                        () -> f.holderOfKey(path).encryptAssertionFor(f.otherServer.certificate()).build(),
                        FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: one bit flipped in the assertion ciphertext" + v, path,
                        () -> edit(f, path, doc -> flipBit(cipherValue(encryptedData(doc)))), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: one bit flipped in the assertion's EncryptedKey" + v, path,
                        () -> edit(f, path, doc -> flipBit(cipherValue(encryptedKey(doc)))), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: ciphertext cut short of its GCM tag" + v, path,
                        () -> edit(f, path, doc -> truncate(cipherValue(encryptedData(doc)))), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: plaintext is a DOCTYPE with file and http entities" + v,
                        path, () -> withPlaintext(f, path, doctypePlaintext(f)), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "decryption failure: plaintext is not an assertion" + v, path,
                        () -> withPlaintext(f, path, AttackFixture.BODY), FaultCode.FAILED_CHECK));
    }

    // ---- wrapping -------------------------------------------------------------------------------

    private static List<Attack> wrapping(AttackFixture f) {
        return List.of(
                Attack.post(CATEGORY, "EncryptedAssertion beside a plain assertion of another subject", ENCSAML,
                        () -> besidePlainAssertion(f), FaultCode.INVALID_SECURITY),
                Attack.post(CATEGORY, "two EncryptedAssertions", ENCSAML, () -> twoEncryptedAssertions(f),
                        FaultCode.INVALID_SECURITY),
                Attack.post(CATEGORY, "decrypted assertion's ID also carried by a header element", ENCSAML,
                        () -> decryptedIdDuplicated(f), FaultCode.INVALID_SECURITY),
                Attack.post(CATEGORY, "plain copy of the assertion in another header, its encrypted twin in Security",
                        ENCSAML, () -> plainCopyElsewhere(f), FaultCode.INVALID_SECURITY),
                Attack.post(CATEGORY, "message signature over the EncryptedData (ciphertext), not the assertion",
                        ENCSAML, () -> signatureOverCiphertext(f), FaultCode.INVALID_SECURITY),
                Attack.post(CATEGORY, "decrypted assertion carrying an EncryptedAssertion of its own (Advice)",
                        ENCSAML, () -> withPlaintext(f, ENCSAML, nestedEncryptedAssertion(f)),
                        FaultCode.INVALID_SECURITY_TOKEN));
    }

    private static byte[] besidePlainAssertion(AttackFixture f) {
        String mallory = f.assertion().subject("mallory").holderOfKey(f.aliceKey).toXml();
        return edit(f, doc -> MessageDom.security(doc).appendChild(MessageDom.fragment(doc, mallory)));
    }

    private static byte[] twoEncryptedAssertions(AttackFixture f) {
        return edit(f, doc -> MessageDom.security(doc).appendChild(SamlEncryption.encrypt(
                f.assertion().subject("mallory").holderOfKey(f.aliceKey).toAssertion(), f.server.certificate(), doc)));
    }

    /** The ID the STR names (so the check for referenced IDs sees it) is also on a custom header. */
    private static byte[] decryptedIdDuplicated(AttackFixture f) {
        String id = "_dup-" + UUID.randomUUID();
        return message(f, f.assertion().assertionId(id))
                .header("<x:Audit xmlns:x=\"urn:wssgate:attack:audit\" ID=\"" + id + "\">n/a</x:Audit>")
                .encryptAssertionFor(f.server.certificate()).build();
    }

    /** The same signed assertion in clear in a custom header, where a careless reader might take it from. */
    private static byte[] plainCopyElsewhere(AttackFixture f) {
        String id = "_twin-" + UUID.randomUUID();
        SamlSpec spec = f.assertion().assertionId(id).holderOfKey(f.aliceKey);
        String copy = spec.toXml();
        return message(f, spec).header("<x:Copy xmlns:x=\"urn:wssgate:attack:copy\">" + copy + "</x:Copy>")
                .encryptAssertionFor(f.server.certificate()).build();
    }

    /** A ds:Reference to the EncryptedData's Id in the message signature (encrypt-then-sign). */
    private static byte[] signatureOverCiphertext(AttackFixture f) {
        return edit(f, doc -> {
            Element data = encryptedData(doc);
            String id = data.getAttributeNS(null, "Id");
            if (id.isEmpty()) {
                id = "_ed-" + UUID.randomUUID();
                data.setAttributeNS(null, "Id", id);
            }
            Element signedInfo = MessageDom.child(MessageDom.signature(doc), DS, "SignedInfo");
            Element reference = (Element) MessageDom.child(signedInfo, DS, "Reference").cloneNode(true);
            reference.setAttributeNS(null, "URI", "#" + id);
            signedInfo.appendChild(reference);
        });
    }

    private static String nestedEncryptedAssertion(AttackFixture f) {
        Document scratch = TestMessages.parse("<x xmlns=\"urn:x\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Element inner = SamlEncryption.encrypt(f.assertion().subject("mallory").holderOfKey(f.aliceKey).toAssertion(),
                f.server.certificate(), scratch);
        String innerXml = org.apache.wss4j.common.util.DOM2Writer.nodeToString(inner);
        String outer = f.assertion().holderOfKey(f.aliceKey).toXml();
        // an Advice holding the inner EncryptedAssertion, right after the Issuer (signature no longer matters)
        int issuerEnd = outer.indexOf("</saml2:Issuer>") + "</saml2:Issuer>".length();
        return outer.substring(0, issuerEnd) + "<saml2:Advice>" + innerXml + "</saml2:Advice>" + outer.substring(issuerEnd);
    }

    // ---- plaintext a sender who holds the session key chooses -----------------------------------

    private static List<Attack> chosenPlaintext(AttackFixture f) {
        String assertion = f.assertion().holderOfKey(f.aliceKey).toXml();
        return List.of(
                Attack.post(CATEGORY, "plaintext: the assertion followed by a second element", ENCSAML,
                        () -> withPlaintext(f, ENCSAML, assertion + "<saml2:Assertion xmlns:saml2=\"" + SAML2_NS
                                + "\" ID=\"_second\" Version=\"2.0\"/>"), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "plaintext: text before the assertion", ENCSAML,
                        () -> withPlaintext(f, ENCSAML, "role=admin" + assertion), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "plaintext: a comment and a processing instruction beside the assertion", ENCSAML,
                        () -> withPlaintext(f, ENCSAML, "<!-- x --><?pi x?>" + assertion), FaultCode.FAILED_CHECK),
                Attack.post(CATEGORY, "plaintext: an XML declaration and an internal-subset entity (billion laughs)",
                        ENCSAML, () -> withPlaintext(f, ENCSAML, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a "
                                + "\"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + assertion),
                        FaultCode.FAILED_CHECK));
    }

    private static String doctypePlaintext(AttackFixture f) {
        return "<!DOCTYPE leak [<!ENTITY file SYSTEM \"" + f.canary.secretFileUri() + "\"><!ENTITY net SYSTEM \""
                + f.canary.httpUrl("/decrypted-assertion") + "\">]><saml2:Assertion xmlns:saml2=\"" + SAML2_NS
                + "\" ID=\"_x\" Version=\"2.0\">&file;&net;</saml2:Assertion>";
    }

    /** The valid message's assertion ciphertext replaced by {@code plaintext} under the same session key. */
    private static byte[] withPlaintext(AttackFixture f, String path, String plaintext) {
        return edit(f, path, doc -> {
            byte[] key = AttackerEncryption.sessionKey(encryptedKey(doc), f.server.privateKey());
            AttackerEncryption.encryptInto(cipherValue(encryptedData(doc)), key, plaintext);
        });
    }

    /** A OneTimeUse assertion accepted once, then encrypted again under a fresh proof signature. */
    private static List<byte[]> oneTimeUseTwice(AttackFixture f) {
        SamlSpec spec = f.assertion().oneTimeUse().assertionId("_" + UUID.randomUUID());
        return List.of(message(f, spec).encryptAssertionFor(f.server.certificate()).build(),
                message(f, spec).encryptAssertionFor(f.server.certificate()).build());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Holder-of-key for {@code spec} on "encsaml", not yet encrypted. */
    private static MessageBuilder message(AttackFixture f, SamlSpec spec) {
        return AttackFixture.envelope(ENCSAML).timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(f.aliceKey));
    }
}
