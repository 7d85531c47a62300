package io.wssgate.benchmarks;

import static io.wssgate.benchmarks.FloorCrypto.DS;
import static io.wssgate.benchmarks.FloorCrypto.SAML2;
import static io.wssgate.benchmarks.FloorCrypto.WSSE;
import static io.wssgate.benchmarks.FloorCrypto.WSU;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The floor for validating a request: what the hardware must do for this message whatever
 * framework does it, and nothing else. Parse; exclusive-C14N and SHA-256 each signed part and
 * compare with its DigestValue; C14N SignedInfo and one RSA-SHA256 verify; for SAML, the same
 * for the assertion's enveloped signature (a second RSA verify). It knows the message layout
 * and the keys in advance: no key resolution, certificate decoding, path validation, token
 * rules, timestamp checks or security prechecks. A tampered Body still fails its digest.
 */
final class FloorInbound implements InboundSystem {
    private final Scenario scenario;
    private final PublicKey signerKey;
    private final PublicKey issuerKey;

    FloorInbound(Scenario scenario) {
        BenchKeys keys = BenchKeys.get();
        this.scenario = scenario;
        this.signerKey = (scenario == Scenario.X509 ? keys.client : keys.alice).certificate().getPublicKey();
        this.issuerKey = keys.idp.certificate().getPublicKey();
    }

    @Override
    public Object validate(byte[] message) throws Exception {
        // 1. parse the bytes into a DOM (the JDK parser, secure processing on)
        Document document = Xml.parse(message);
        Element envelope = document.getDocumentElement();
        Element body = Xml.child(envelope, envelope.getNamespaceURI(), "Body");
        Element security = Xml.child(Xml.child(envelope, envelope.getNamespaceURI(), "Header"), WSSE, "Security");
        Element timestamp = Xml.child(security, WSU, "Timestamp");
        Element signature = Xml.child(security, DS, "Signature");
        // 2. each signed part (Body, Timestamp): exclusive C14N + SHA-256, equal to its DigestValue
        Element signedInfo = Xml.child(signature, DS, "SignedInfo");
        int covered = 0;
        for (Node n = signedInfo.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element reference && "Reference".equals(reference.getLocalName())) {
                String id = reference.getAttribute("URI").substring(1);
                Element part = id.equals(body.getAttributeNS(WSU, "Id")) ? body
                        : id.equals(timestamp.getAttributeNS(WSU, "Id")) ? timestamp : null;
                if (part == null) {
                    throw new MessageRejected("reference to neither Body nor Timestamp");
                }
                requireDigest(part, reference);
                covered++;
            }
        }
        if (covered != 2) {
            throw new MessageRejected("Body and Timestamp not both signed");
        }
        // 3. exclusive C14N of SignedInfo + one RSA-SHA256 verify with the signer's key
        requireSignature(signature, signedInfo, signerKey);
        if (scenario == Scenario.SAML_HOK) {
            // 4. the assertion's enveloped signature: digest of the assertion without it, then RSA verify
            Element assertion = Xml.child(security, SAML2, "Assertion");
            Element assertionSignature = Xml.child(assertion, DS, "Signature");
            Element assertionSignedInfo = Xml.child(assertionSignature, DS, "SignedInfo");
            Node next = assertionSignature.getNextSibling();
            assertion.removeChild(assertionSignature);
            requireDigest(assertion, Xml.child(assertionSignedInfo, DS, "Reference"));
            assertion.insertBefore(assertionSignature, next);
            requireSignature(assertionSignature, assertionSignedInfo, issuerKey);
        }
        return document;
    }

    private static void requireDigest(Element part, Element reference) throws Exception {
        byte[] expected = Base64.getMimeDecoder().decode(Xml.child(reference, DS, "DigestValue").getTextContent());
        Element transforms = Xml.child(reference, DS, "Transforms");
        Element c14n = null;
        for (Node n = transforms.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element t && FloorCrypto.EXC_C14N.equals(t.getAttribute("Algorithm"))) {
                c14n = t;
            }
        }
        if (!MessageDigest.isEqual(expected, FloorCrypto.digest(part, prefixList(c14n)))) {
            throw new MessageRejected("digest mismatch");
        }
    }

    private static void requireSignature(Element signature, Element signedInfo, PublicKey key) throws Exception {
        String prefixes = prefixList(Xml.child(signedInfo, DS, "CanonicalizationMethod"));
        byte[] value = Base64.getMimeDecoder().decode(Xml.child(signature, DS, "SignatureValue").getTextContent());
        if (!FloorCrypto.verify(FloorCrypto.canonical(signedInfo, prefixes), value, key)) {
            throw new MessageRejected("signature value does not verify");
        }
    }

    /** The InclusiveNamespaces PrefixList a C14N transform carries, if any. */
    private static String prefixList(Element c14nMethod) {
        Element inclusive = c14nMethod == null ? null : Xml.child(c14nMethod, FloorCrypto.EXC_C14N, "InclusiveNamespaces");
        return inclusive == null ? null : inclusive.getAttribute("PrefixList");
    }
}
