package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Assertions on what a client received. */
final class SoapResponses {
    private SoapResponses() {
    }

    /** The response is a WS-Security fault with this code, the generic text and a correlation id. */
    static void assertFault(HttpResponse<byte[]> response, FaultCode code) {
        assertThat(response.statusCode()).as("HTTP status").isEqualTo(500);
        Document fault = TestMessages.parse(response.body());
        String soapNs = fault.getDocumentElement().getNamespaceURI();
        String codeText;
        if (TestMessages.SOAP12_NS.equals(soapNs)) {
            Element subcode = (Element) fault.getElementsByTagNameNS(soapNs, "Subcode").item(0);
            codeText = subcode.getElementsByTagNameNS(soapNs, "Value").item(0).getTextContent();
            assertThat(fault.getElementsByTagNameNS(soapNs, "Text").item(0).getTextContent()).isEqualTo(code.genericText());
        } else {
            codeText = fault.getElementsByTagName("faultcode").item(0).getTextContent();
            assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo(code.genericText());
        }
        assertThat(codeText).as("fault code").isEqualTo("wsse:" + code.localName());
        String correlationId = fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0).getTextContent();
        assertThat(correlationId).isNotBlank().isEqualTo(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElse(""));
    }
}
