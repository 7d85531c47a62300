package io.wssgate.benchmarks;

import static io.wssgate.benchmarks.FloorCrypto.WSSE;
import static io.wssgate.benchmarks.FloorCrypto.WSU;
import static io.wssgate.benchmarks.FloorDom.append;
import static io.wssgate.benchmarks.FloorDom.element;
import static io.wssgate.benchmarks.FloorDom.text;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The floor for securing a message: parse, add the Security header (Timestamp and the
 * certificate, or an issuer-signed SAML assertion), sign Body and Timestamp (C14N, SHA-256,
 * one RSA-SHA256 signature; two for SAML), serialize. No framework, no configuration, no
 * checks: the layout and the keys are fixed. Its output passes our strict inbound pipeline.
 */
final class FloorOutbound implements OutboundSystem {
    private static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    private static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    private static final String SAML_TOKEN_PROFILE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#";

    private final Scenario scenario;
    private final PrivateKey signingKey;
    private final String certificate;
    private final FloorAssertion assertions;

    FloorOutbound(Scenario scenario) throws Exception {
        BenchKeys keys = BenchKeys.get();
        this.scenario = scenario;
        this.signingKey = (scenario == Scenario.X509 ? keys.client : keys.alice).privateKey();
        this.certificate = Base64.getEncoder().encodeToString(keys.client.certificate().getEncoded());
        this.assertions = new FloorAssertion(keys);
    }

    @Override
    public byte[] secure(byte[] unsecured) throws Exception {
        // 1. parse the bytes into a DOM
        Document document = Xml.parse(unsecured);
        Element envelope = document.getDocumentElement();
        String soap = envelope.getNamespaceURI();
        Element header = Xml.child(envelope, soap, "Header");
        Element body = Xml.child(envelope, soap, "Body");
        // 2. the Security header with a Timestamp; wsu:Ids on Timestamp and Body
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Element security = append(header, element(document, WSSE, "wsse:Security", true));
        FloorDom.declare(security, "wsu", WSU);
        security.setAttributeNS(soap, envelope.getPrefix() + ":mustUnderstand", "1");
        Element timestamp = append(security, element(document, WSU, "wsu:Timestamp", false));
        String timestampId = "TS-" + UUID.randomUUID();
        timestamp.setAttributeNS(WSU, "wsu:Id", timestampId);
        append(timestamp, text(document, WSU, "wsu:Created", now.toString()));
        append(timestamp, text(document, WSU, "wsu:Expires", now.plusSeconds(300).toString()));
        String bodyId = "id-" + UUID.randomUUID();
        FloorDom.declare(body, "wsu", WSU);
        body.setAttributeNS(WSU, "wsu:Id", bodyId);
        // 3. the key's token: the certificate in a BinarySecurityToken, or the signed assertion
        Element reference = element(document, WSSE, "wsse:SecurityTokenReference", false);
        if (scenario == Scenario.X509) {
            Element token = append(security, text(document, WSSE, "wsse:BinarySecurityToken", certificate));
            String tokenId = "X509-" + UUID.randomUUID();
            token.setAttribute("EncodingType", BASE64);
            token.setAttribute("ValueType", X509V3);
            token.setAttributeNS(WSU, "wsu:Id", tokenId);
            Element uri = append(reference, element(document, WSSE, "wsse:Reference", false));
            uri.setAttribute("URI", "#" + tokenId);
            uri.setAttribute("ValueType", X509V3);
        } else {
            Element assertion = append(security, assertions.issue(document, now));
            FloorDom.declare(reference, "wsse11", WSSE11);
            reference.setAttributeNS(WSSE11, "wsse11:TokenType", SAML_TOKEN_PROFILE + "SAMLV2.0");
            append(reference, text(document, WSSE, "wsse:KeyIdentifier", assertion.getAttribute("ID")))
                    .setAttribute("ValueType", SAML_TOKEN_PROFILE + "SAMLID");
        }
        // 4. digests of Body and Timestamp, SignedInfo, one RSA-SHA256 signature
        Map<String, Element> parts = new LinkedHashMap<>();
        parts.put(timestampId, timestamp);
        parts.put(bodyId, body);
        FloorSignature.sign(document, parts, false, signingKey, security::appendChild, reference);
        // 5. serialize
        return Xml.serialize(document);
    }
}
