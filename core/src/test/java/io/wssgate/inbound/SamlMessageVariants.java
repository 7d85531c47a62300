package io.wssgate.inbound;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSAMLToken;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SAML message shapes {@code MessageBuilder} does not produce, built with WSS4J's API or DOM edits. */
final class SamlMessageVariants {

    private SamlMessageVariants() {
    }

    /** The message with a standalone assertion appended to its Security header (after signing). */
    static byte[] withAssertion(byte[] message, String assertionXml) throws Exception {
        Document doc = TestMessages.parse(message);
        Element security = (Element) doc.getElementsByTagNameNS(XmlNames.WSSE, "Security").item(0);
        Element assertion = TestMessages.parse(assertionXml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        security.appendChild(doc.importNode(assertion, true));
        return serialize(doc);
    }

    /**
     * A sender-vouches message whose sender signature references the assertion directly by its
     * ID (no STR-Transform, no top-level SecurityTokenReference), plus Body and Timestamp.
     */
    static byte[] senderVouchesSignedById(SamlSpec spec, Identity sender) throws Exception {
        Document doc = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).buildDocument();
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        SamlAssertionWrapper assertion = spec.toAssertion();
        new WSSecSAMLToken(header).build(assertion);
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo(sender.name(), TestCrypto.KEY_PASSWORD);
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(WSConstants.RSA_SHA256);
        signature.setDigestAlgo(WSConstants.SHA256);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        signature.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, TestMessages.SOAP11_NS, "Element"));
        signature.getParts().add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
        signature.getParts().add(new WSEncryptionPart(assertion.getId()));
        signature.build(TestCrypto.keysOf(sender));
        return serialize(doc);
    }

    private static byte[] serialize(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
