package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.MessageDom.DS;
import static io.wssgate.testing.attacks.MessageDom.WSU;

import java.security.PrivateKey;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Re-signs a built message's signature after its algorithms were changed, with Santuario's
 * secure validation off: WSS4J refuses to sign with MD5 at all, but an attacker's tools do not,
 * and the receiver must refuse such a message for its algorithm, not because it is broken.
 */
final class Resigner {
    private Resigner() {
    }

    /** Null keeps an algorithm; digests and the signature value are recomputed either way. */
    static void resign(Document doc, PrivateKey key, String signatureAlgorithm, String digestAlgorithm) {
        Element signature = MessageDom.signature(doc);
        Element signedInfo = MessageDom.child(signature, DS, "SignedInfo");
        if (signatureAlgorithm != null) {
            MessageDom.child(signedInfo, DS, "SignatureMethod").setAttributeNS(null, "Algorithm", signatureAlgorithm);
        }
        if (digestAlgorithm != null) {
            for (Element reference : MessageDom.all(doc, DS, "Reference")) {
                if (reference.getParentNode() == signedInfo) {
                    MessageDom.child(reference, DS, "DigestMethod").setAttributeNS(null, "Algorithm", digestAlgorithm);
                }
            }
        }
        // Santuario resolves "#id" through the DOM's ID attributes
        for (Element element : MessageDom.all(doc, "*", "*")) {
            if (element.hasAttributeNS(WSU, "Id")) {
                element.setIdAttributeNS(WSU, "Id", true);
            }
        }
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, "", false);
            // a parsed SignedInfo creates its Reference objects only on access; sign() needs them all
            for (int i = 0; i < xmlSignature.getSignedInfo().getLength(); i++) {
                xmlSignature.getSignedInfo().item(i);
            }
            xmlSignature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot re-sign the message", e);
        }
    }
}
