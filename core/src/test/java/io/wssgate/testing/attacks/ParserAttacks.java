package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENC;
import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.X509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Attacks on the parser and on the XML Signature/Encryption processors rather than on the
 * security rules: entities, sheer size and count, references, transforms and key retrieval
 * that would make the server fetch, read or compute something. Each starts from a valid
 * message of the trusted client, so only the attack can be the reason for a refusal; the
 * canary proves nothing was fetched or read. The large bodies are built when sent, never kept.
 *
 * <p>Every integration validates the request bytes as they came over HTTP before its runtime
 * parses anything (on Metro, the endpoint's WSS Gate codec), so each of these gets WSS Gate's own
 * answer everywhere. The parameter-entity attacks use an entity too: a parser that skips a DOCTYPE
 * nothing references would otherwise never be put to the test.
 */
public final class ParserAttacks {
    static final String CATEGORY = "Parser and resource exhaustion";
    static final int NESTED_ELEMENTS = 100_000;
    static final int ATTRIBUTES = 25_000;
    static final int SIBLINGS = 1_000_000;
    static final int NAME_LENGTH = 10_000_000;
    static final int REFERENCES = 31;
    static final int TRANSFORMS = 6;
    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    private static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";
    private static final String WSC_200512 = "http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512";
    private static final String WSC_200502 = "http://schemas.xmlsoap.org/ws/2005/02/sc";
    private static final String PARTS_NS = "urn:wssgate:attack:parts";
    /** The text in the baseline Body that the size attacks replace. */
    private static final String PAYLOAD_TEXT = "pay 10";

    private ParserAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        Canary canary = f.canary;
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(CATEGORY, "XXE: external entity reading a local file", X509,
                () -> TestMessages.withExternalEntity(f.x509(X509).build(), canary.secretFileUri()),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "XXE: external entity fetched over http", X509,
                () -> TestMessages.withExternalEntity(f.x509(X509).build(), canary.httpUrl("/xxe")),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "billion laughs", X509,
                () -> TestMessages.withDoctype(f.x509(X509).build()), FaultCode.INVALID_SECURITY));
        // the Body uses an entity the remote DTD would declare: a parser that fetches it fetches
        // before it gets there, and Metro (which silently skips a DOCTYPE nothing uses) must refuse
        a.add(Attack.post(CATEGORY, "external parameter entity (out-of-band DTD over http)", X509,
                () -> withDoctype(f.x509(X509).build(),
                        "<!ENTITY % remote SYSTEM \"" + canary.httpUrl("/dtd") + "\"> %remote;", "&fromDtd;"),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "parameter entity declaring a file entity", X509,
                () -> withDoctype(f.x509(X509).build(), "<!ENTITY % decl \"<!ENTITY leak SYSTEM '"
                        + canary.secretFileUri() + "'>\"> %decl;", "&leak;"),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, NESTED_ELEMENTS + " nested elements", X509,
                () -> replacePayload(f, "<n>".repeat(NESTED_ELEMENTS) + "deep" + "</n>".repeat(NESTED_ELEMENTS)),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, ATTRIBUTES + " attributes on one element", X509,
                () -> replacePayload(f, "<many" + attributes(ATTRIBUTES) + "/>"), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "a million sibling elements (4 MB)", X509,
                () -> replacePayload(f, "<s/>".repeat(SIBLINGS)), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "an element name of 10 MB", X509,
                () -> replacePayload(f, "<" + "n".repeat(NAME_LENGTH) + "/>"), FaultCode.INVALID_SECURITY));
        // refused before any parser runs, on every integration (Metro's included: its WSS Gate codec
        // reads no more than the limit)
        a.add(Attack.post(CATEGORY, "a message of 11 MiB, over limits.max-message-size (10 MiB)", X509,
                () -> replacePayload(f, "x".repeat(11 * 1024 * 1024)), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, REFERENCES + " references in one valid signature", X509,
                () -> tooManyReferences(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, TRANSFORMS + " transforms on one reference", X509,
                () -> tooManyTransforms(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "XSLT transform fetching a URL and reading a file", X509,
                () -> xsltTransform(f), FaultCode.UNSUPPORTED_ALGORITHM));
        a.add(Attack.post(CATEGORY, "http: reference URI", X509,
                () -> withFirstReferenceUri(f, canary.httpUrl("/reference")), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "file: reference URI", X509,
                () -> withFirstReferenceUri(f, canary.secretFileUri()), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "chained RetrievalMethod (loop, then http) as the signature's key", X509,
                () -> chainedRetrievalMethod(f), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "chained RetrievalMethod as the key of the assertion's signature", SAML,
                () -> retrievalMethodInAssertionSignature(f), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "xop:Include of an external URL as the signing certificate", X509,
                () -> xopIncludeInBinarySecurityToken(f), FaultCode.SECURITY_TOKEN_UNAVAILABLE));
        a.add(Attack.post(CATEGORY, "xop:Include of an external URL as the encrypted Body", ENC,
                () -> xopIncludeInCipherValue(f), FaultCode.FAILED_CHECK));
        a.add(Attack.post(CATEGORY, "DerivedKeyToken with a 2 GB length", X509,
                () -> withDerivedKeyToken(f, WSC_200512, 0, Integer.MAX_VALUE), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "DerivedKeyToken (2005/02) with a 2 GB offset", ENC,
                () -> withDerivedKeyToken(f, WSC_200502, Integer.MAX_VALUE, 32), FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        a.add(Attack.post(CATEGORY, "decrypted content (encrypted to the server key) starting with a DOCTYPE", ENC,
                () -> decryptedContentWithDoctype(f), FaultCode.FAILED_CHECK));
        return a;
    }

    // ---- construction ----------------------------------------------------------------------------

    /** The valid /x509 message with the Body's text replaced by generated markup (text surgery). */
    private static byte[] replacePayload(AttackFixture f, String markup) {
        String xml = f.x509(X509).buildString();
        int at = xml.indexOf(PAYLOAD_TEXT);
        if (at < 0) {
            throw new IllegalStateException("baseline has no payload text");
        }
        return (xml.substring(0, at) + markup + xml.substring(at + PAYLOAD_TEXT.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String attributes(int count) {
        StringBuilder attributes = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++) {
            attributes.append(" a").append(i).append("=\"\"");
        }
        return attributes.toString();
    }

    /** Body, Timestamp and 29 headers, all genuinely signed by the client in one signature. */
    private static byte[] tooManyReferences(AttackFixture f) {
        MessageBuilder builder = f.x509(X509);
        for (int i = 0; i < REFERENCES - 2; i++) {
            builder.header("<p:Part xmlns:p=\"" + PARTS_NS + "\">" + i + "</p:Part>");
        }
        return builder.signHeader(new QName(PARTS_NS, "Part")).build();
    }

    private static byte[] tooManyTransforms(AttackFixture f) {
        return MessageDom.edit(f.x509(X509).build(), doc -> {
            Element transforms = MessageDom.first(doc, MessageDom.DS, "Transforms");
            Element c14n = MessageDom.child(transforms, MessageDom.DS, "Transform");
            while (transforms.getElementsByTagNameNS(MessageDom.DS, "Transform").getLength() < TRANSFORMS) {
                transforms.appendChild(c14n.cloneNode(true));
            }
        });
    }

    private static byte[] xsltTransform(AttackFixture f) {
        String stylesheet = "<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\">"
                + "<xsl:template match=\"/\"><xsl:copy-of select=\"document('" + f.canary.httpUrl("/xslt") + "')\"/>"
                + "<xsl:copy-of select=\"document('" + f.canary.secretFileUri() + "')\"/></xsl:template>"
                + "</xsl:stylesheet>";
        return MessageDom.edit(f.x509(X509).build(), doc -> {
            Element transform = MessageDom.first(doc, MessageDom.DS, "Transform");
            transform.setAttributeNS(null, "Algorithm", XSLT);
            removeChildren(transform);
            transform.appendChild(MessageDom.fragment(doc, stylesheet));
        });
    }

    private static byte[] withFirstReferenceUri(AttackFixture f, String uri) {
        return MessageDom.edit(f.x509(X509).build(),
                doc -> MessageDom.first(doc, MessageDom.DS, "Reference").setAttributeNS(null, "URI", uri));
    }

    /** RetrievalMethods: #rm-1 -> #rm-2 -> #rm-1 (a loop), and rm-2 also points at the canary. */
    private static String retrievalChain(AttackFixture f) {
        return "<x:Keys xmlns:x=\"urn:wssgate:attack:keys\" xmlns:ds=\"" + MessageDom.DS + "\">"
                + "<ds:KeyInfo Id=\"rm-1\"><ds:RetrievalMethod URI=\"#rm-2\"/></ds:KeyInfo>"
                + "<ds:KeyInfo Id=\"rm-2\"><ds:RetrievalMethod URI=\"#rm-1\"/><ds:RetrievalMethod URI=\""
                + f.canary.httpUrl("/retrieval") + "\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\"/>"
                + "</ds:KeyInfo></x:Keys>";
    }

    private static final String FIRST_RETRIEVAL = "<ds:RetrievalMethod xmlns:ds=\"" + MessageDom.DS
            + "\" URI=\"#rm-1\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\"/>";

    private static byte[] chainedRetrievalMethod(AttackFixture f) {
        return MessageDom.edit(f.x509(X509).build(), doc -> {
            Element keyInfo = MessageDom.child(MessageDom.signature(doc), MessageDom.DS, "KeyInfo");
            removeChildren(keyInfo);
            keyInfo.appendChild(MessageDom.fragment(doc, FIRST_RETRIEVAL));
            MessageDom.header(doc).appendChild(MessageDom.fragment(doc, retrievalChain(f)));
        });
    }

    /**
     * The IdP's signature over the assertion loses its certificate for a RetrievalMethod chain.
     * (The assertion signature does not cover its own KeyInfo, so it still verifies, given a key.)
     */
    private static byte[] retrievalMethodInAssertionSignature(AttackFixture f) {
        byte[] signed = AttackFixture.envelope(SAML).timestamp(java.time.Duration.ofMinutes(5))
                .saml(f.assertion().holderOfKey(f.aliceKey)).build();
        return MessageDom.edit(signed, doc -> {
            Element assertion = MessageDom.first(doc, SamlAttacks.SAML2_NS, "Assertion");
            Element signature = MessageDom.child(assertion, MessageDom.DS, "Signature");
            Element keyInfo = MessageDom.child(signature, MessageDom.DS, "KeyInfo");
            removeChildren(keyInfo);
            keyInfo.appendChild(MessageDom.fragment(doc, FIRST_RETRIEVAL));
            MessageDom.header(doc).appendChild(MessageDom.fragment(doc, retrievalChain(f)));
        });
    }

    private static byte[] xopIncludeInBinarySecurityToken(AttackFixture f) {
        return MessageDom.edit(f.x509(X509).build(), doc -> {
            Element bst = MessageDom.first(doc, MessageDom.WSSE, "BinarySecurityToken");
            removeChildren(bst);
            bst.appendChild(xopInclude(doc, f));
        });
    }

    private static byte[] xopIncludeInCipherValue(AttackFixture f) {
        return MessageDom.edit(f.encrypted(ENC).build(), doc -> {
            Element cipherValue = bodyCipherValue(doc);
            removeChildren(cipherValue);
            cipherValue.appendChild(xopInclude(doc, f));
        });
    }

    private static Element xopInclude(Document doc, AttackFixture f) {
        return MessageDom.fragment(doc, "<xop:Include xmlns:xop=\"" + XOP_NS + "\" href=\""
                + f.canary.httpUrl("/xop") + "\"/>");
    }

    /** A DerivedKeyToken over the message's own BST, first in the Security header. */
    private static byte[] withDerivedKeyToken(AttackFixture f, String wscNamespace, long offset, long length) {
        Supplier<byte[]> valid = wscNamespace.equals(WSC_200512) ? () -> f.x509(X509).build()
                : () -> f.encrypted(ENC).build();
        return MessageDom.edit(valid.get(), doc -> {
            Element bst = MessageDom.first(doc, MessageDom.WSSE, "BinarySecurityToken");
            Element security = MessageDom.security(doc);
            security.insertBefore(MessageDom.fragment(doc, "<wsc:DerivedKeyToken xmlns:wsc=\"" + wscNamespace
                    + "\" xmlns:wsu=\"" + MessageDom.WSU + "\" xmlns:wsse=\"" + MessageDom.WSSE
                    + "\" wsu:Id=\"dk-1\"><wsse:SecurityTokenReference><wsse:Reference URI=\"#"
                    + MessageDom.wsuId(bst) + "\"/></wsse:SecurityTokenReference><wsc:Offset>" + offset
                    + "</wsc:Offset><wsc:Length>" + length + "</wsc:Length><wsc:Nonce>"
                    + Base64.getEncoder().encodeToString(new byte[16]) + "</wsc:Nonce></wsc:DerivedKeyToken>"),
                    security.getFirstChild());
        });
    }

    /**
     * The encrypted Body replaced by content encrypted under the message's own session key (the
     * attacker knows it: the attacker made the message), so decryption succeeds and the plaintext,
     * which starts with a DOCTYPE declaring a file and an http entity, reaches the parser.
     */
    private static byte[] decryptedContentWithDoctype(AttackFixture f) {
        String plaintext = "<!DOCTYPE leak [<!ENTITY file SYSTEM \"" + f.canary.secretFileUri()
                + "\"><!ENTITY net SYSTEM \"" + f.canary.httpUrl("/decrypted") + "\">]>"
                + AttackFixture.BODY.replace(PAYLOAD_TEXT, "&file;&net;");
        return MessageDom.edit(f.encrypted(ENC).build(), doc -> {
            byte[] sessionKey = unwrapSessionKey(doc, f);
            bodyCipherValue(doc).setTextContent(Base64.getEncoder().encodeToString(
                    aesGcm(sessionKey, plaintext.getBytes(StandardCharsets.UTF_8))));
        });
    }

    private static Element bodyCipherValue(Document doc) {
        NodeList values = MessageDom.body(doc).getElementsByTagNameNS(MessageDom.XENC, "CipherValue");
        if (values.getLength() != 1) {
            throw new IllegalStateException("expected one CipherValue in the Body, found " + values.getLength());
        }
        return (Element) values.item(0);
    }

    /** RSA-OAEP with SHA-1 and MGF1-SHA-1 (WSS4J's rsa-oaep-mgf1p default), with the server's key. */
    private static byte[] unwrapSessionKey(Document doc, AttackFixture f) {
        Element encryptedKey = MessageDom.first(doc, MessageDom.XENC, "EncryptedKey");
        String wrapped = encryptedKey.getElementsByTagNameNS(MessageDom.XENC, "CipherValue").item(0)
                .getTextContent().replaceAll("\\s", "");
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, f.server.privateKey(), new OAEPParameterSpec("SHA-1", "MGF1",
                    MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
            return rsa.doFinal(Base64.getDecoder().decode(wrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the session key", e);
        }
    }

    /** XML Encryption 1.1 AES-GCM: 12-byte IV, then ciphertext and 128-bit tag. */
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

    /** Text surgery: a DOCTYPE with {@code internalSubset}, and {@code reference} added to the Body text. */
    private static byte[] withDoctype(byte[] message, String internalSubset, String reference) {
        String xml = new String(message, StandardCharsets.UTF_8);
        int prolog = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        String rest = xml.substring(prolog);
        String root = rest.substring(1, rest.indexOf(' '));
        String withReference = rest.replace(PAYLOAD_TEXT, PAYLOAD_TEXT + reference);
        return (xml.substring(0, prolog) + "<!DOCTYPE " + root + " [" + internalSubset + "]>" + withReference)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void removeChildren(Element element) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
    }
}
