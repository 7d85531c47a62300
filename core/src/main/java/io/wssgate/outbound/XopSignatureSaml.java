package io.wssgate.outbound;

import java.security.Provider;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.saml.WSSecSignatureSAML;

/**
 * A SAML-keyed signature (holder-of-key proof key, or sender-vouches) over an MTOM message:
 * WSS4J's {@link WSSecSignatureSAML}, which has no constructor taking a provider, with its
 * signature factory replaced by the XOP one ({@link XopSigning#provider}) before anything is
 * built, so its references over {@code xop:Include} content carry the streamed XOP digest. The
 * Security header it writes (assertion, STR to it, KeyInfo) is WSSecSignatureSAML's own, so a
 * receiver validates it on its ordinary SAML path.
 */
final class XopSignatureSaml extends WSSecSignatureSAML {
    XopSignatureSaml(WSSecHeader header, Provider xopProvider) {
        super(header);
        // protected in WSSecSignature; every reference, KeyInfo and SignedInfo is made from it
        this.signatureFactory = XMLSignatureFactory.getInstance("DOM", xopProvider);
    }
}
