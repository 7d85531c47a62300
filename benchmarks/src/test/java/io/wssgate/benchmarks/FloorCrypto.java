package io.wssgate.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Element;

/**
 * The primitive operations of the floor, each one library call: Santuario's exclusive C14N
 * (the canonicalizer every Java XML-signature stack uses), the JDK's SHA-256 and RSA.
 */
final class FloorCrypto {
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    static {
        org.apache.xml.security.Init.init();
    }

    private FloorCrypto() {
    }

    /** Exclusive C14N of the element streamed straight into SHA-256 (no intermediate buffer). */
    static byte[] digest(Element element, String inclusivePrefixes) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            Canonicalizer.getInstance(EXC_C14N).canonicalizeSubtree(element, inclusivePrefixes, sink);
        }
        return sha256.digest();
    }

    /** Exclusive C14N of the element as bytes (for SignedInfo, which is signed as a whole). */
    static byte[] canonical(Element element, String inclusivePrefixes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        Canonicalizer.getInstance(EXC_C14N).canonicalizeSubtree(element, inclusivePrefixes, out);
        return out.toByteArray();
    }

    static boolean verify(byte[] signedInfo, byte[] signatureValue, PublicKey key) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signedInfo);
        return rsa.verify(signatureValue);
    }

    static byte[] sign(byte[] signedInfo, PrivateKey key) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signedInfo);
        return rsa.sign();
    }
}
