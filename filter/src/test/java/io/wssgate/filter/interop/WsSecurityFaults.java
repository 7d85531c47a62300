package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What a sender sees when WSS Gate (filter or Metro endpoint) rejects its SOAP 1.1 message. */
final class WsSecurityFaults {
    private WsSecurityFaults() {
    }

    /** HTTP 500 with a SOAP 1.1 fault: {@code code} in the wsse namespace, its generic text and a correlation id. */
    static void assertFault(HttpResponse<byte[]> response, FaultCode code) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as("HTTP status of %s", body).isEqualTo(500);
        Document fault = TestMessages.parse(response.body());
        Element faultCode = (Element) fault.getElementsByTagName("faultcode").item(0);
        String[] qname = faultCode.getTextContent().trim().split(":", 2);
        assertThat(faultCode.lookupNamespaceURI(qname[0])).as("fault code namespace in %s", body).isEqualTo(FaultCode.WSSE_NS);
        assertThat(qname[1]).as("fault code in %s", body).isEqualTo(code.localName());
        assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo(code.genericText());
        assertThat(fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0).getTextContent()).isNotBlank();
    }
}
