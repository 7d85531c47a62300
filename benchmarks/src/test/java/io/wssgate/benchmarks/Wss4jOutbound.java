package io.wssgate.benchmarks;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys.Identity;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.SAMLUtil;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.saml.WSSecSignatureSAML;
import org.w3c.dom.Document;

/**
 * What a developer writes on bare WSS4J's DOM API: parse, Security header, Timestamp, then a
 * signature over Body and Timestamp (for SAML, an issuer-signed holder-of-key assertion and
 * the message signed with the subject key, referring to it), serialize.
 */
final class Wss4jOutbound implements OutboundSystem {
    private final Scenario scenario;
    private final Identity signer;
    private final Crypto signerCrypto;
    private final SamlCallbackHandler saml;

    Wss4jOutbound(Scenario scenario) {
        WSSConfig.init();
        BenchKeys keys = BenchKeys.get();
        this.scenario = scenario;
        this.signer = scenario == Scenario.X509 ? keys.client : keys.alice;
        this.signerCrypto = keys.keysOf(signer);
        this.saml = new SamlCallbackHandler(keys);
    }

    @Override
    public byte[] secure(byte[] unsecured) throws Exception {
        Document document = Xml.parse(unsecured);
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive(300);
        timestamp.build();
        String soapNs = document.getDocumentElement().getNamespaceURI();
        WSSecSignature signature;
        SamlAssertionWrapper assertion = null;
        if (scenario == Scenario.X509) {
            signature = new WSSecSignature(header);
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        } else {
            SAMLCallback callback = new SAMLCallback();
            SAMLUtil.doSAMLCallback(saml, callback);
            assertion = new SamlAssertionWrapper(callback);
            assertion.signAssertion(callback.getIssuerKeyName(), callback.getIssuerKeyPassword(),
                    callback.getIssuerCrypto(), false, callback.getCanonicalizationAlgorithm(),
                    callback.getSignatureAlgorithm(), callback.getSignatureDigestAlgorithm());
            signature = new WSSecSignatureSAML(header);
        }
        signature.setUserInfo(signer.name(), TestCrypto.KEY_PASSWORD);
        signature.setSignatureAlgorithm(WSConstants.RSA_SHA256);
        signature.setDigestAlgo(WSConstants.SHA256);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        signature.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, soapNs, "Element"));
        signature.getParts().add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
        if (assertion == null) {
            signature.build(signerCrypto);
        } else {
            ((WSSecSignatureSAML) signature).build(signerCrypto, assertion, null, null, null);
        }
        return Xml.serialize(document);
    }
}
