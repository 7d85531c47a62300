package io.wssgate.filter.interop;

import io.wssgate.testing.SamlEncryption;
import io.wssgate.testing.TestMessages;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.util.DOM2Writer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a CXF client of an OIO IDWS-style service does with the token an STS issued encrypted
 * for that service: it sends it as saml2:EncryptedAssertion and keys its message signature to
 * the assertion's ID (SAML KeyIdentifier, as WSS4J's SAMLTokenSigned action writes it). Neither
 * CXF nor WSS4J 3.0.5 can encrypt an assertion themselves (WSS4J's SAMLCallback has no such
 * option), so this interceptor stands in for the STS: after WSS4JOutInterceptor has signed the
 * message (Body and Timestamp, keyed by the plaintext assertion), it replaces the assertion by
 * one OpenSAML encrypted for the server. The signature does not cover the assertion, so it stays
 * valid, exactly as when a client relays an opaque encrypted token.
 */
final class CxfAssertionEncryption extends AbstractSoapInterceptor {
    private static final String SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    private final X509Certificate recipient;

    CxfAssertionEncryption(X509Certificate recipient) {
        super(Phase.POST_PROTOCOL);
        this.recipient = recipient;
        addAfter("org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor$WSS4JOutInterceptorInternal");
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        try {
            Document soap = saaj.getSOAPPart();
            Element assertion = (Element) soap.getElementsByTagNameNS(SAML2_NS, "Assertion").item(0);
            if (assertion == null) {
                throw new Fault(new IllegalStateException("CXF sent no SAML 2.0 assertion to encrypt"));
            }
            // a plain JDK DOM copy for OpenSAML; the encrypted result goes back into CXF's SAAJ message
            Document copy = TestMessages.parse(DOM2Writer.nodeToString(assertion).getBytes(StandardCharsets.UTF_8));
            Element encrypted = SamlEncryption.encrypt(new SamlAssertionWrapper(copy.getDocumentElement()), recipient,
                    assertion.getOwnerDocument());
            assertion.getParentNode().replaceChild(encrypted, assertion);
            saaj.saveChanges();
        } catch (WSSecurityException | SOAPException e) {
            throw new Fault(e);
        }
    }
}
