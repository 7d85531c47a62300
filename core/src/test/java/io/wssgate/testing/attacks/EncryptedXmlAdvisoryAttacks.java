package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENCSAML;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.edit;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptedAssertion;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptedData;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.encryptedKey;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.keyInfo;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.replaceEncryptedAssertion;
import static io.wssgate.testing.attacks.EncryptedAssertionDom.cipherValue;
import static io.wssgate.testing.attacks.MessageDom.DS;
import static io.wssgate.testing.attacks.MessageDom.XENC;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.SamlEncryption;
import java.util.List;
import java.util.UUID;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.w3c.dom.Element;

/**
 * The shapes of the OpenSAML-Java security advisory of 12 December 2022 ("malicious encrypted
 * XML", denial of service up to code execution in releases before 4.2.0): XML Encryption lets a
 * decrypter reach XSLT and XPath transforms, external fetches and reference loops while it looks
 * for the key (ds:RetrievalMethod) or the ciphertext (xenc:CipherReference). Each is put into an
 * otherwise valid saml2:EncryptedAssertion for "encsaml" and must be refused before any of it is
 * followed; the canary proves nothing was fetched or read.
 */
public final class EncryptedXmlAdvisoryAttacks {
    static final String CATEGORY = EncryptedAssertionAttacks.CATEGORY;
    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    private static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    private static final String ENCRYPTED_KEY_TYPE = "http://www.w3.org/2001/04/xmlenc#EncryptedKey";

    private EncryptedXmlAdvisoryAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        return advisoryShapes(f);
    }


    private static List<Attack> advisoryShapes(AttackFixture f) {
        Canary canary = f.canary;
        return List.of(
                Attack.post(CATEGORY, "advisory: EncryptedKey beside the data, found through RetrievalMethod (OpenSAML PEER)",
                        ENCSAML, () -> replaceEncryptedAssertion(f, doc -> SamlEncryption.encrypt(
                                f.assertion().holderOfKey(f.aliceKey).toAssertion(), f.server.certificate(), doc,
                                SamlEncryption.AES256_GCM, SamlEncryption.RSA_OAEP, Encrypter.KeyPlacement.PEER)),
                        FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: RetrievalMethod with an XSLT transform fetching a URL and reading a file",
                        ENCSAML, () -> retrievalMethodToPeerKey(f, transforms(XSLT, xslt(canary))),
                        FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: RetrievalMethod with an XPath transform over every node", ENCSAML,
                        () -> retrievalMethodToPeerKey(f, transforms(XPATH,
                                "<ds:XPath>count(//. | //@* | //namespace::*) &gt; 0</ds:XPath>")),
                        FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: RetrievalMethod to an http URL", ENCSAML,
                        () -> retrievalMethod(f, canary.httpUrl("/retrieval"), ""), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: RetrievalMethod to a file", ENCSAML,
                        () -> retrievalMethod(f, canary.secretFileUri(), ""), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: RetrievalMethod pointing at its own KeyInfo (a loop)", ENCSAML,
                        () -> retrievalMethodLoop(f), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: CipherReference to an http URL with an XSLT transform", ENCSAML,
                        () -> cipherReference(f, canary.httpUrl("/cipher"), xslt(canary)),
                        FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: CipherReference to a file", ENCSAML,
                        () -> cipherReference(f, canary.secretFileUri(), null), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: EncryptedKey wrapped in another EncryptedKey's KeyInfo", ENCSAML,
                        () -> edit(f, doc -> {
                            Element key = encryptedKey(doc);
                            Element keyInfo = keyInfo(key);
                            keyInfo.appendChild(key.cloneNode(true));
                        }), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: key agreement (AgreementMethod) in the EncryptedKey's KeyInfo", ENCSAML,
                        () -> edit(f, doc -> keyInfo(encryptedKey(doc)).appendChild(MessageDom.fragment(doc,
                                "<xenc:AgreementMethod xmlns:xenc=\"" + XENC + "\" Algorithm=\"http://www.w3.org/2009/"
                                        + "xmlenc11#ECDH-ES\"/>"))), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "advisory: xop:Include of an http URL as the assertion ciphertext", ENCSAML,
                        () -> edit(f, doc -> {
                            Element value = cipherValue(encryptedData(doc));
                            value.setTextContent("");
                            value.appendChild(MessageDom.fragment(doc, "<xop:Include xmlns:xop=\"http://www.w3.org/2004/"
                                    + "08/xop/include\" href=\"" + canary.httpUrl("/xop") + "\"/>"));
                        }), FaultCode.UNSUPPORTED_SECURITY_TOKEN),
                Attack.post(CATEGORY, "a ciphertext of 1.5 MB for one assertion", ENCSAML,
                        () -> edit(f, doc -> cipherValue(encryptedData(doc)).setTextContent("A".repeat(1_500_000))),
                        FaultCode.INVALID_SECURITY));
    }

    private static String xslt(Canary canary) {
        return "<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\">"
                + "<xsl:template match=\"/\"><xsl:copy-of select=\"document('" + canary.httpUrl("/xslt") + "')\"/>"
                + "<xsl:copy-of select=\"document('" + canary.secretFileUri() + "')\"/></xsl:template></xsl:stylesheet>";
    }

    private static String transforms(String algorithm, String content) {
        return "<ds:Transforms><ds:Transform Algorithm=\"" + algorithm + "\">" + content + "</ds:Transform></ds:Transforms>";
    }

    /** The inline EncryptedKey moved beside the EncryptedData, the KeyInfo pointing at it through {@code transforms}. */
    private static byte[] retrievalMethodToPeerKey(AttackFixture f, String transforms) {
        return edit(f, doc -> {
            Element key = encryptedKey(doc);
            String id = "_ek-" + UUID.randomUUID();
            key.setAttributeNS(null, "Id", id);
            Element keyInfo = (Element) key.getParentNode();
            MessageDom.move(key, encryptedAssertion(doc));
            keyInfo.appendChild(MessageDom.fragment(doc, "<ds:RetrievalMethod xmlns:ds=\"" + DS + "\" URI=\"#" + id
                    + "\" Type=\"" + ENCRYPTED_KEY_TYPE + "\">" + transforms + "</ds:RetrievalMethod>"));
        });
    }

    /** A RetrievalMethod to {@code uri} in the EncryptedKey's own KeyInfo, where the recipient key is looked up. */
    private static byte[] retrievalMethod(AttackFixture f, String uri, String transforms) {
        return edit(f, doc -> keyInfo(encryptedKey(doc)).appendChild(MessageDom.fragment(doc,
                "<ds:RetrievalMethod xmlns:ds=\"" + DS + "\" URI=\"" + uri
                        + "\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\">" + transforms + "</ds:RetrievalMethod>")));
    }

    private static byte[] retrievalMethodLoop(AttackFixture f) {
        return edit(f, doc -> {
            Element keyInfo = keyInfo(encryptedKey(doc));
            keyInfo.setAttributeNS(null, "Id", "ki-loop");
            keyInfo.appendChild(MessageDom.fragment(doc, "<ds:RetrievalMethod xmlns:ds=\"" + DS
                    + "\" URI=\"#ki-loop\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\"/>"));
        });
    }

    /** The EncryptedData's CipherValue replaced by a CipherReference (with an XSLT transform, if given). */
    private static byte[] cipherReference(AttackFixture f, String uri, String stylesheet) {
        return edit(f, doc -> {
            Element cipherData = MessageDom.child(encryptedData(doc), XENC, "CipherData");
            cipherData.removeChild(MessageDom.child(cipherData, XENC, "CipherValue"));
            String transforms = stylesheet == null ? "" : "<xenc:Transforms><ds:Transform xmlns:ds=\"" + DS
                    + "\" Algorithm=\"" + XSLT + "\">" + stylesheet + "</ds:Transform></xenc:Transforms>";
            cipherData.appendChild(MessageDom.fragment(doc, "<xenc:CipherReference xmlns:xenc=\"" + XENC + "\" URI=\""
                    + uri + "\">" + transforms + "</xenc:CipherReference>"));
        });
    }
}
