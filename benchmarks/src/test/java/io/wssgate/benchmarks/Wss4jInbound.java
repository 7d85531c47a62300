package io.wssgate.benchmarks;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import io.wssgate.config.AlgorithmPolicy;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a developer writes on bare WSS4J: a secure DOM parse, {@code WSSecurityEngine} with a
 * trust store, and the one check the engine leaves to its caller — that the Body and the
 * Timestamp are among the signed elements (without it an unsigned message passes). No replay
 * cache: WSS4J keeps none unless one is set. It gets the checks WSS4J can do that WSS Gate also
 * does (issue 16: "the same checks WSS4J can do"): an {@code AlgorithmSuite} with WSS Gate's
 * default algorithms and minimum key sizes, for the message and for SAML assertions.
 */
final class Wss4jInbound implements InboundSystem {
    private static final AlgorithmSuite ALGORITHMS = defaultAlgorithms();
    private final DocumentBuilderFactory parsers = secureFactory();
    private final WSSecurityEngine engine = new WSSecurityEngine();
    private final Crypto trust = BenchKeys.get().trust();
    private final Scenario scenario;

    Wss4jInbound(Scenario scenario) {
        WSSConfig.init();
        this.scenario = scenario;
    }

    @Override
    public Object validate(byte[] message) throws Exception {
        Document document = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(message));
        RequestData data = new RequestData();
        data.setSigVerCrypto(trust);
        data.setTimeStampTTL((int) Messages.LIFETIME.toSeconds());
        data.setAudienceRestrictions(List.of(Messages.AUDIENCE));
        data.setAlgorithmSuite(ALGORITHMS);
        data.setSamlAlgorithmSuite(ALGORITHMS);
        WSHandlerResult result;
        try {
            result = engine.processSecurityHeader(document, data);
        } catch (WSSecurityException e) {
            throw new MessageRejected("WSS4J: " + e.getMessage(), e);
        }
        if (result == null) {
            throw new MessageRejected("no Security header");
        }
        requireSigned(document, result);
        if (scenario == Scenario.SAML_HOK && result.getActionResults().get(WSConstants.ST_SIGNED) == null) {
            throw new MessageRejected("no issuer-signed assertion");
        }
        return result;
    }

    /** WSS Gate's default algorithm policy, as far as WSS4J's AlgorithmSuite can express it. */
    private static AlgorithmSuite defaultAlgorithms() {
        AlgorithmPolicy defaults = AlgorithmPolicy.defaults();
        AlgorithmSuite suite = new AlgorithmSuite();
        defaults.signature().forEach(suite::addSignatureMethod);
        defaults.digest().forEach(suite::addDigestAlgorithm);
        defaults.canonicalization().forEach(suite::addC14nAlgorithm);
        defaults.canonicalization().forEach(suite::addTransformAlgorithm);
        suite.addTransformAlgorithm(WSConstants.NS_XMLDSIG_ENVELOPED_SIGNATURE);
        suite.setMinimumAsymmetricKeyLength(defaults.minRsaKeyBits());
        suite.setMinimumEllipticCurveKeyLength(defaults.minEcKeyBits());
        return suite;
    }

    private static void requireSigned(Document document, WSHandlerResult result) throws MessageRejected {
        Set<Node> signed = new HashSet<>();
        for (WSSecurityEngineResult r : result.getActionResults().getOrDefault(WSConstants.SIGN, List.of())) {
            @SuppressWarnings("unchecked")
            List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
            refs.forEach(ref -> signed.add(ref.getProtectedElement()));
        }
        Element envelope = document.getDocumentElement();
        Element body = child(envelope, "Body");
        Element timestamp = (Element) document.getElementsByTagNameNS(WSConstants.WSU_NS, "Timestamp").item(0);
        if (!signed.contains(body) || timestamp == null || !signed.contains(timestamp)) {
            throw new MessageRejected("Body or Timestamp not signed");
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
