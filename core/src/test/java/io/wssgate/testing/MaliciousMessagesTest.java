package io.wssgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.namespace.QName;

import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

import io.wssgate.testing.Wss4jVerifier.Outcome;

class MaliciousMessagesTest {

    private static final TestKeys KEYS = TestKeys.create();
    private static byte[] signed;

    private final Wss4jVerifier verifier = new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of());

    @BeforeAll
    static void signOnce() {
        signed = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(KEYS.issue("alice"), KeyIdType.BST).build();
    }

    @Test
    void wrappedBodyStillVerifiesButTheProcessedBodyIsUnsigned() throws Exception {
        byte[] wrapped = TestMessages.wrapBody(signed);

        Outcome outcome = verifier.process(wrapped); // a naive verifier is fooled: that is the attack

        Document doc = outcome.document();
        Element body = SoapXml.body(doc);
        assertThat(body.getTextContent()).isEqualTo("evil");
        assertThat(body.hasAttributeNS(WSConstants.WSU_NS, "Id")).isFalse();
        Element wrapper = (Element) doc.getElementsByTagNameNS(TestMessages.WRAP_NS, "Wrapper").item(0);
        assertThat(wrapper.getParentNode().getLocalName()).isEqualTo("Header");
        assertThat(wrapper.getFirstChild().getTextContent()).isEqualTo("hello");
        assertThat(outcome.signedElements(WSConstants.SIGN)).contains(new QName(TestMessages.SOAP11_NS, "Body"));
    }

    @Test
    void duplicateIdAddsADecoyWithTheBodyId() {
        Document doc = TestMessages.parse(TestMessages.duplicateId(signed));

        String bodyId = SoapXml.body(doc).getAttributeNS(WSConstants.WSU_NS, "Id");
        Element decoy = (Element) doc.getElementsByTagNameNS("urn:wssgate:test:dup", "Decoy").item(0);
        assertThat(bodyId).isNotEmpty();
        assertThat(decoy.getAttributeNS(WSConstants.WSU_NS, "Id")).isEqualTo(bodyId);
        assertThat(decoy.getTextContent()).isEqualTo("hello");
    }

    @Test
    void duplicateIdIsNotRejectedByWss4jAlone() throws Exception {
        // Documents a finding the gate must act on: WSS4J 3.0.5 verifies this message (both
        // candidates have the same digest), so duplicate Ids have to be refused before WSS4J runs.
        Outcome outcome = verifier.process(TestMessages.duplicateId(signed));

        assertThat(outcome.actions(WSConstants.SIGN)).hasSize(1);

        byte[] decoyThenTamper = TestMessages.tamperBody(TestMessages.duplicateId(signed));
        assertThatThrownBy(() -> verifier.process(decoyThenTamper)).as("WSS4J digests the real Body")
                .isInstanceOf(org.apache.wss4j.common.ext.WSSecurityException.class);
    }

    @Test
    void doctypeVariantIsARealBillionLaughs() {
        byte[] bomb = TestMessages.withDoctype(signed);
        String xml = new String(bomb, StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml").contains("<!DOCTYPE soap:Envelope [").contains("&lol9;");
        // a JDK parser with secure processing stops at its entity expansion limit
        assertThatThrownBy(() -> lenientParse(bomb)).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("JAXP00010001");
        assertThatThrownBy(() -> TestMessages.parse(bomb)).hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalEntityVariantDeclaresAndReferencesTheEntity() {
        String xml = new String(TestMessages.withExternalEntity(signed, "file:///etc/passwd"), StandardCharsets.UTF_8);

        assertThat(xml).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">").contains("&xxe;");
        assertThat(xml.indexOf("<!DOCTYPE")).isLessThan(xml.indexOf("<soap:Envelope"));
    }

    @Test
    void oversizedHasExactlyTheRequestedSize() {
        byte[] big = TestMessages.oversized(1_000_000);

        assertThat(big).hasSize(1_000_000);
        String padding = SoapXml.body(TestMessages.parse(big)).getTextContent();
        assertThat(padding.length()).isGreaterThan(999_800);
        assertThat(padding.chars().allMatch(c -> c == 'x')).isTrue();
    }

    @Test
    void deeplyNestedHasTheRequestedDepth() {
        Document doc = TestMessages.parse(TestMessages.deeplyNested(500));

        int depth = 0;
        Node node = SoapXml.body(doc).getFirstChild(); // ns:echo
        while (node.getFirstChild() instanceof Element child) {
            node = child;
            depth++;
        }
        assertThat(depth).isEqualTo(500);
    }

    private static Document lenientParse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
