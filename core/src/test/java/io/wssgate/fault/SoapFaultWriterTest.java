package io.wssgate.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SoapFaultWriterTest {
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            } else {
                assertThat(n.getTextContent()).as("stray text in " + parent.getNodeName()).isBlank();
            }
        }
        return out;
    }

    private static Element only(Node parent, String ns, String localName) {
        List<Element> c = children(parent);
        assertThat(c).hasSize(1);
        assertThat(c.get(0).getNamespaceURI()).isEqualTo(ns);
        assertThat(c.get(0).getLocalName()).isEqualTo(localName);
        return c.get(0);
    }

    /** A QName-valued element's text resolved against its in-scope namespaces. */
    private static String[] resolveQName(Element e) {
        String text = e.getTextContent().trim();
        int colon = text.indexOf(':');
        assertThat(colon).as("prefixed QName: " + text).isPositive();
        return new String[] {e.lookupNamespaceURI(text.substring(0, colon)), text.substring(colon + 1)};
    }

    private static void assertCorrelation(Element detail, String id) {
        Element correlation = only(detail, SoapFaultWriter.CORRELATION_NS, "CorrelationId");
        assertThat(correlation.getTextContent()).isEqualTo(id);
        assertThat(correlation.getAttributes().getLength()).as("only the namespace declaration").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(FaultCode.class)
    void soap11FaultCarriesCodeGenericTextAndCorrelationIdOnly(FaultCode code) throws Exception {
        Document doc = parse(SoapFaultWriter.soap11(code, ID));

        Element envelope = doc.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP11);
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        Element body = only(envelope, SOAP11, "Body");
        Element fault = only(body, SOAP11, "Fault");
        List<Element> parts = children(fault);
        assertThat(parts).extracting(Element::getLocalName).containsExactly("faultcode", "faultstring", "detail");
        assertThat(parts).allSatisfy(p -> assertThat(p.getNamespaceURI()).isNull());

        assertThat(resolveQName(parts.get(0))).containsExactly(FaultCode.WSSE_NS, code.localName());
        assertThat(parts.get(1).getTextContent()).isEqualTo(code.genericText());
        assertThat(parts.get(1).getChildNodes().getLength()).isEqualTo(1);
        assertThat(parts.get(1).getFirstChild().getNodeType()).isEqualTo(Node.TEXT_NODE);
        assertCorrelation(parts.get(2), ID);
    }

    @ParameterizedTest
    @EnumSource(FaultCode.class)
    void soap12FaultCarriesSenderSubcodeGenericTextAndCorrelationIdOnly(FaultCode code) throws Exception {
        Document doc = parse(SoapFaultWriter.soap12(code, ID));

        Element envelope = doc.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP12);
        Element fault = only(only(envelope, SOAP12, "Body"), SOAP12, "Fault");
        List<Element> parts = children(fault);
        assertThat(parts).extracting(Element::getLocalName).containsExactly("Code", "Reason", "Detail");
        assertThat(parts).allSatisfy(p -> assertThat(p.getNamespaceURI()).isEqualTo(SOAP12));

        List<Element> codeParts = children(parts.get(0));
        assertThat(codeParts).extracting(Element::getLocalName).containsExactly("Value", "Subcode");
        assertThat(resolveQName(codeParts.get(0))).containsExactly(SOAP12, "Sender");
        Element subValue = only(codeParts.get(1), SOAP12, "Value");
        assertThat(resolveQName(subValue)).containsExactly(FaultCode.WSSE_NS, code.localName());

        Element text = only(parts.get(1), SOAP12, "Text");
        assertThat(text.getTextContent()).isEqualTo(code.genericText());
        assertThat(text.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
        assertCorrelation(parts.get(2), ID);
    }

    @Test
    void nothingButCodeTextAndIdIsWritten() throws Exception {
        for (byte[] xml : List.of(SoapFaultWriter.soap11(FaultCode.FAILED_CHECK, ID),
                SoapFaultWriter.soap12(FaultCode.FAILED_CHECK, ID))) {
            String allText = parse(xml).getDocumentElement().getTextContent();
            String expected = FaultCode.FAILED_CHECK.genericText() + ID;
            // all character data: the code QName(s), the generic text and the id, nothing else
            assertThat(allText.replace("env:Sender", "").replace("wsse:FailedCheck", "")).isEqualTo(expected);
        }
    }

    @Test
    void correlationIdWithMarkupCharactersStaysText() throws Exception {
        String nasty = "a<b>&c\"d'</wssgate:CorrelationId><evil/>";
        for (byte[] xml : List.of(SoapFaultWriter.soap11(FaultCode.INVALID_SECURITY, nasty),
                SoapFaultWriter.soap12(FaultCode.INVALID_SECURITY, nasty))) {
            Document doc = parse(xml);
            Element correlation = (Element) doc.getElementsByTagNameNS(SoapFaultWriter.CORRELATION_NS, "CorrelationId")
                    .item(0);
            assertThat(correlation.getTextContent()).isEqualTo(nasty);
            assertThat(doc.getElementsByTagName("evil").getLength()).isZero();
        }
    }
}
