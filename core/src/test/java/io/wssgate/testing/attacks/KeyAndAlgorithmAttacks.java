package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.MessageDom.DS;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys.Identity;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Untrusted or unsuitable keys, and weak or unexpected algorithms, in the message signature. */
public final class KeyAndAlgorithmAttacks {
    static final String CATEGORY = "Keys and algorithms";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String RSA_MD5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";
    static final String MD5 = "http://www.w3.org/2001/04/xmldsig-more#md5";
    static final String DSA_SHA256 = "http://www.w3.org/2009/xmldsig11#dsa-sha256";
    static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    static final String C14N_INCLUSIVE = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    static final String C14N_EXCLUSIVE_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

    private KeyAndAlgorithmAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(signedBy(f, "certificate from an unknown CA", f.otherCa, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "self-signed certificate", f.selfSigned, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "trusted CA, subject DN not allowed", f.wrongDn, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "expired certificate", f.expired, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "not-yet-valid certificate", f.notYetValid, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "revoked certificate", f.revoked, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "RSA key of 1024 bits", f.rsa1024, FaultCode.INVALID_SECURITY));
        // RFC 5280 4.2.1.3: neither digitalSignature nor nonRepudiation, so the key may not sign
        attacks.add(signedBy(f, "trusted certificate whose KeyUsage allows only keyEncipherment", f.encipherOnly,
                FaultCode.FAILED_AUTHENTICATION));
        attacks.add(Attack.post(CATEGORY, "holder-of-key proof certificate whose KeyUsage allows only keyEncipherment",
                SAML, () -> AttackFixture.envelope(SAML).timestamp(Duration.ofMinutes(5))
                        .saml(f.assertion().holderOfKey(f.aliceEncipherOnly)).build(), FaultCode.FAILED_AUTHENTICATION));
        attacks.add(Attack.post(CATEGORY, "bare ds:KeyValue instead of a token reference", X509,
                () -> MessageDom.edit(f.x509(X509).build(), doc -> bareKeyValue(doc, f.client.certificate())),
                FaultCode.UNSUPPORTED_SECURITY_TOKEN));
        attacks.add(Attack.post(CATEGORY, "HMAC-SHA256 keyed with the signer certificate's public bytes", X509,
                () -> MessageDom.edit(f.x509(X509).build(), doc -> hmacWithCertificate(doc, f.client.certificate(), -1)),
                FaultCode.UNSUPPORTED_ALGORITHM));
        attacks.add(Attack.post(CATEGORY, "HMAC truncated by HMACOutputLength 8", X509,
                () -> MessageDom.edit(f.x509(X509).build(), doc -> hmacWithCertificate(doc, f.client.certificate(), 8)),
                FaultCode.UNSUPPORTED_ALGORITHM));
        attacks.add(withAlgorithms(f, "RSA-SHA1 signature with SHA-1 digests", RSA_SHA1, SHA1, null));
        attacks.add(resigned(f, "RSA-MD5 signature with MD5 digests", RSA_MD5, MD5));
        attacks.add(resigned(f, "MD5 digests under an RSA-SHA256 signature", null, MD5));
        attacks.add(withAlgorithms(f, "inclusive canonicalization", null, null, C14N_INCLUSIVE));
        attacks.add(withAlgorithms(f, "exclusive canonicalization with comments", null, null,
                C14N_EXCLUSIVE_WITH_COMMENTS));
        attacks.add(Attack.post(CATEGORY, "DSA-SHA256 signature by a CA-issued DSA certificate", X509,
                () -> AttackFixture.envelope(X509).timestamp(Duration.ofMinutes(5))
                        .signWith(DsaIdentity.mint(f), KeyIdType.BST, DSA_SHA256, null, null).build(),
                FaultCode.UNSUPPORTED_ALGORITHM));
        return attacks;
    }

    private static Attack signedBy(AttackFixture f, String name, Identity signer, FaultCode expected) {
        return Attack.post(CATEGORY, name, X509, () -> AttackFixture.envelope(X509).timestamp(Duration.ofMinutes(5))
                .signWith(signer, KeyIdType.BST).build(), expected);
    }

    private static Attack withAlgorithms(AttackFixture f, String name, String signature, String digest, String c14n) {
        return Attack.post(CATEGORY, name, X509, () -> AttackFixture.envelope(X509).timestamp(Duration.ofMinutes(5))
                .signWith(f.client, KeyIdType.BST, signature, digest, c14n).build(), FaultCode.UNSUPPORTED_ALGORITHM);
    }

    private static Attack resigned(AttackFixture f, String name, String signature, String digest) {
        return Attack.post(CATEGORY, name, X509, () -> MessageDom.edit(f.x509(X509).build(),
                doc -> Resigner.resign(doc, f.client.privateKey(), signature, digest)), FaultCode.UNSUPPORTED_ALGORITHM);
    }

    /** The signature still verifies with the key, but names it by value: anyone can make such a key. */
    private static void bareKeyValue(Document doc, X509Certificate certificate) {
        Element keyInfo = MessageDom.child(MessageDom.signature(doc), DS, "KeyInfo");
        while (keyInfo.getFirstChild() != null) {
            keyInfo.removeChild(keyInfo.getFirstChild());
        }
        RSAPublicKey key = (RSAPublicKey) certificate.getPublicKey();
        Base64.Encoder b64 = Base64.getEncoder();
        keyInfo.appendChild(MessageDom.fragment(doc, "<ds:KeyValue xmlns:ds=\"" + DS + "\"><ds:RSAKeyValue><ds:Modulus>"
                + b64.encodeToString(unsigned(key.getModulus().toByteArray())) + "</ds:Modulus><ds:Exponent>"
                + b64.encodeToString(key.getPublicExponent().toByteArray()) + "</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>"));
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }

    /**
     * The classic key-confusion forgery: an HMAC over SignedInfo keyed with bytes everyone has
     * (the certificate in the BST), hoping the verifier takes "the key" from the token for HMAC.
     * {@code outputBits} > 0 also truncates the MAC with HMACOutputLength.
     */
    private static void hmacWithCertificate(Document doc, X509Certificate certificate, int outputBits) {
        Element signature = MessageDom.signature(doc);
        Element signedInfo = MessageDom.child(signature, DS, "SignedInfo");
        Element method = MessageDom.child(signedInfo, DS, "SignatureMethod");
        method.setAttributeNS(null, "Algorithm", HMAC_SHA256);
        if (outputBits > 0) {
            Element length = doc.createElementNS(DS, "ds:HMACOutputLength");
            length.setTextContent(Integer.toString(outputBits));
            method.appendChild(length);
        }
        try {
            ByteArrayOutputStream canonical = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                    .canonicalizeSubtree(signedInfo, canonical);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(certificate.getEncoded(), "HmacSHA256"));
            byte[] value = mac.doFinal(canonical.toByteArray());
            if (outputBits > 0) {
                value = java.util.Arrays.copyOf(value, outputBits / 8);
            }
            MessageDom.child(signature, DS, "SignatureValue").setTextContent(Base64.getEncoder().encodeToString(value));
        } catch (GeneralSecurityException | org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
